namespace HostDoc.Output;

/// <summary>
/// How terminal text is decorated. The CLI decides (colour only on a terminal, never with
/// NO_COLOR); writers only ask, so the same writer serves pipes, files and tests.
/// </summary>
/// <param name="Color">True to emit ANSI colour and bold.</param>
public sealed record TextStyle(bool Color)
{
    /// <summary>No escape codes at all.</summary>
    public static TextStyle Plain { get; } = new(false);

    /// <summary>Wraps <paramref name="text"/> in the SGR code <paramref name="sgr"/> when colour is on.</summary>
    public string Paint(string text, string sgr) => Color ? $"\u001b[{sgr}m{text}\u001b[0m" : text;

    /// <summary>Bold text.</summary>
    public string Bold(string text) => Paint(text, "1");

    /// <summary>Dim text, for sources and notes.</summary>
    public string Dim(string text) => Paint(text, "2");
}
