namespace HostDoc.KernelLog.Reading;

/// <summary>
/// A phrase the prefilter looks for. <see cref="NumberedWord"/> anchors match only where the phrase
/// starts a word and a digit follows (<c>ata6.00:</c>, not <c>metadata2</c>), so one short anchor can
/// stand for a whole family of messages without letting ordinary words through.
/// </summary>
/// <param name="Phrase">The text to find (ASCII).</param>
/// <param name="NumberedWord">True when the phrase must start a word and be followed by a digit.</param>
public sealed record LogAnchor(string Phrase, bool NumberedWord = false)
{
    /// <summary>A plain phrase.</summary>
    public static implicit operator LogAnchor(string phrase) => new(phrase);

    /// <summary>True when the match at the start of <paramref name="fromHit"/> (with <paramref name="before"/> the character before it, or '\n') is this anchor.</summary>
    public bool Accepts(ReadOnlySpan<char> fromHit, char before) =>
        fromHit.StartsWith(Phrase, StringComparison.Ordinal)
        && (!NumberedWord || (!char.IsAsciiLetterOrDigit(before) && fromHit.Length > Phrase.Length && char.IsAsciiDigit(fromHit[Phrase.Length])));
}
