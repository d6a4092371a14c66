using HostDoc.Findings;

namespace HostDoc.Output;

/// <summary>How each severity looks in terminal text: a word and a colour.</summary>
public static class SeverityStyle
{
    /// <summary>The upper-case word, coloured when <paramref name="style"/> allows.</summary>
    public static string Label(this TextStyle style, Severity severity) => severity switch
    {
        Severity.Critical => style.Paint("CRITICAL", "1;31"),
        Severity.Warning => style.Paint("WARNING", "1;33"),
        Severity.Unknown => style.Paint("UNKNOWN", "1;35"),
        Severity.Info => style.Paint("INFO", "36"),
        _ => style.Paint("OK", "32"),
    };
}
