namespace HostDoc.Sources;

/// <summary>A pure parser over a file's text (STYLE: parsing apart from I/O).</summary>
/// <typeparam name="T">The record it builds.</typeparam>
public delegate ParseResult<T> TextParser<T>(ReadOnlySpan<char> text);

/// <summary>The thin <c>Read(HostRoot)</c> every one-file source shares: read through the root, then parse.</summary>
public static class SourceReader
{
    /// <summary>Reads <paramref name="kernelPath"/> under <paramref name="root"/> and parses it; unreadable or malformed becomes problems.</summary>
    public static Sourced<T> Read<T>(HostRoot root, string kernelPath, TextParser<T> parse)
        where T : class
    {
        var text = root.ReadText(kernelPath);
        return text.Value is null
            ? Sourced<T>.Failed(text.Problems)
            : Sourced<T>.FromParse(kernelPath, parse(text.Value));
    }
}
