namespace HostDoc.Findings;

/// <summary>Severity as the Monitoring Plugins protocol sees it.</summary>
public static class SeverityExtensions
{
    /// <summary>The plugin exit code: 0 OK (and info), 1 WARNING, 2 CRITICAL, 3 UNKNOWN.</summary>
    public static int ExitCode(this Severity severity) => severity switch
    {
        Severity.Ok or Severity.Info => 0,
        Severity.Warning => 1,
        Severity.Critical => 2,
        _ => 3,
    };

    /// <summary>The state word: OK, WARNING, CRITICAL, UNKNOWN.</summary>
    public static string StateWord(this Severity severity) => severity switch
    {
        Severity.Ok or Severity.Info => "OK",
        Severity.Warning => "WARNING",
        Severity.Critical => "CRITICAL",
        _ => "UNKNOWN",
    };

    /// <summary>The lower-case name used in JSON and text: ok, info, warning, critical, unknown.</summary>
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Ok => "ok",
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Critical => "critical",
        _ => "unknown",
    };

    /// <summary>The severity named by <see cref="Name"/>; unknown for anything else.</summary>
    public static Severity Parse(string name) => name switch
    {
        "ok" => Severity.Ok,
        "info" => Severity.Info,
        "warning" => Severity.Warning,
        "critical" => Severity.Critical,
        _ => Severity.Unknown,
    };

    /// <summary>
    /// Rank for "the worst of": critical over warning over unknown over info over ok, as
    /// monitoring-plugins' max_state_alt orders states (an unknown is never hidden by an OK).
    /// </summary>
    public static int Rank(this Severity severity) => severity switch
    {
        Severity.Ok => 0,
        Severity.Info => 1,
        Severity.Unknown => 2,
        Severity.Warning => 3,
        _ => 4,
    };

    /// <summary>The worse of two severities by <see cref="Rank"/>.</summary>
    public static Severity Worst(this Severity a, Severity b) => a.Rank() >= b.Rank() ? a : b;
}
