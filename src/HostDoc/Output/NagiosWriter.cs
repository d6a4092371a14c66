using HostDoc.Checks;
using HostDoc.Findings;

namespace HostDoc.Output;

/// <summary>
/// Writes a check result in the Monitoring Plugins format: <c>SERVICE STATE - text | perfdata</c>
/// on the first line (the alerting findings, worst first; or the main finding when all is well),
/// then with <c>verbose</c> one line per finding and its advice. The exit code comes from the
/// state, never from the text.
/// </summary>
public static class NagiosWriter
{
    /// <summary>Writes <paramref name="result"/> and returns the plugin exit code.</summary>
    public static int Write(TextWriter writer, CheckResult result, bool verbose)
    {
        var state = result.Worst;
        writer.Write(result.Check.ToUpperInvariant());
        writer.Write(' ');
        writer.Write(state.StateWord());
        writer.Write(" - ");
        // '|' starts perfdata and a newline ends the line: neither may appear in the text.
        writer.Write(FirstLine(result).Replace('|', '/').ReplaceLineEndings(" "));
        if (result.Measurements.Count > 0)
        {
            writer.Write(" | ");
            PerfdataWriter.Write(writer, result.Measurements);
        }

        writer.Write('\n');
        if (verbose)
        {
            foreach (var finding in result.Findings)
            {
                writer.Write($"[{finding.Severity.Name()}] {finding.Id} {finding.Subject}: {finding.Summary}\n");
                if (finding.Advice.Length > 0)
                {
                    writer.Write($"  advice: {finding.Advice}\n");
                }
            }
        }

        return state.ExitCode();
    }

    /// <summary>Writes a one-line UNKNOWN for a check that could not even start (bad option) and returns 3.</summary>
    public static int WriteUnknown(TextWriter writer, string service, string message)
    {
        writer.Write($"{service.ToUpperInvariant()} UNKNOWN - {message}\n");
        return Severity.Unknown.ExitCode();
    }

    /// <remarks>
    /// The alerting summaries worst first (critical, warning, unknown: <see cref="SeverityExtensions.Rank"/>), in the
    /// check's order within a state. A plain loop, not OrderByDescending: LINQ's ordered enumerable resolves generic
    /// virtual methods through the type loader at run time, 2 % of a check's start-up (bench/README.md).
    /// </remarks>
    private static string FirstLine(CheckResult result)
    {
        var alerting = new List<string>();
        foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Critical, Severity.Warning, Severity.Unknown])
        {
            foreach (var finding in result.Findings)
            {
                if (finding.Severity == severity)
                {
                    alerting.Add(finding.Summary);
                }
            }
        }

        return alerting.Count > 0 ? string.Join("; ", alerting)
            : result.Headline is { } headline ? headline
            : result.Findings.Count > 0 ? result.Findings[0].Summary
            : "no findings";
    }
}
