using System.Globalization;

namespace HostDoc.Sources;

/// <summary>A parse failure as a value (NodaTime's lesson): where, what was expected, what was found.</summary>
/// <param name="Line">1-based line number in the source text.</param>
/// <param name="Expected">What the kernel's format has at that place.</param>
/// <param name="Found">The offending text, shortened for one line.</param>
/// <param name="Key">The field the line was for, when it could be told; lets a consumer see whether it is affected.</param>
public sealed record ParseError(int Line, string Expected, string Found, string? Key = null)
{
    private const int MaxFound = 60;

    /// <summary>Creates an error, shortening and escaping <paramref name="found"/> for a one-line message.</summary>
    public static ParseError At(int line, string expected, ReadOnlySpan<char> found, string? key = null)
    {
        var text = found.Length > MaxFound ? string.Concat(found[..MaxFound], "…") : found.ToString();
        return new ParseError(line, expected, text.Replace("\t", "\\t", StringComparison.Ordinal), key);
    }

    /// <summary>The message without a location: <c>expected …, found "…"</c>.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"expected {Expected}, found \"{Found}\"");
}
