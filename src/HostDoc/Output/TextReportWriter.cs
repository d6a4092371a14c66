using System.Globalization;
using HostDoc.Checks;
using HostDoc.Findings;
using HostDoc.Sources;

namespace HostDoc.Output;

/// <summary>
/// The terminal report: findings grouped by severity, worst first, each with why, evidence and
/// advice; OK findings one line each; then the sources that could not be read.
/// </summary>
public static class TextReportWriter
{
    private static readonly Severity[] Order = [Severity.Critical, Severity.Warning, Severity.Unknown, Severity.Info];

    /// <summary>Writes <paramref name="report"/>.</summary>
    public static void Write(TextWriter writer, Report report, TextStyle style)
    {
        var host = report.Identity.Hostname ?? "(unknown host)";
        var kernel = report.Identity.KernelRelease is { } k ? $", kernel {k}" : "";
        var at = report.Generated.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.Write($"{style.Bold("hostdoc report")} for {host}{kernel}, read from {report.Source} at {at}\n");

        var findings = report.Results.SelectMany(r => r.Findings).ToArray();
        foreach (var severity in Order)
        {
            var groups = CauseGroups.At(report, severity);
            if (groups.Count == 0)
            {
                continue;
            }

            writer.Write($"\n{style.Label(severity)}\n");
            foreach (var group in groups)
            {
                if (group.Consequences.Count > 0)
                {
                    writer.Write($"  {style.Bold($"One cause, {group.Consequences.Count + 1} findings:")} {group.Root.Subject} and what follows from it\n");
                }

                WriteDetailed(writer, group.Root, style);
                foreach (var consequence in group.Consequences)
                {
                    WriteDetailed(writer, consequence, style, "    ↳ ", "          ");
                }
            }
        }

        var ok = findings.Where(f => f.Severity == Severity.Ok).ToArray();
        if (ok.Length > 0)
        {
            writer.Write($"\n{style.Label(Severity.Ok)}\n");
            foreach (var finding in ok)
            {
                writer.Write($"  {finding.Id}  {finding.Subject}: {finding.Summary}\n");
            }
        }

        var problems = report.Results.SelectMany(r => r.Problems).Distinct().ToArray();
        if (problems.Length > 0)
        {
            writer.Write($"\n{style.Bold("Sources not fully read")}\n");
            foreach (var problem in problems)
            {
                writer.Write($"  {problem}\n");
            }

            var denied = problems.Count(p => p.Kind == ProblemKind.PermissionDenied);
            if (denied > 0)
            {
                writer.Write($"  {style.Bold("Needs root:")} {denied} of these could not be read as this user; run hostdoc as root (sudo) to read them.\n");
            }
        }

        writer.Write('\n');
        writer.Write(string.Join(", ", new[] { Severity.Critical, Severity.Warning, Severity.Unknown, Severity.Info, Severity.Ok }
            .Select(s => $"{findings.Count(f => f.Severity == s)} {s.Name()}")));
        writer.Write('\n');
    }

    /// <summary>Writes one finding with its explanation, evidence and advice; a consequence of another is indented beneath it.</summary>
    public static void WriteDetailed(TextWriter writer, Finding finding, TextStyle style, string lead = "  ", string indent = "      ")
    {
        var caused = finding.CausedBy is { } cause ? $" [{style.Label(finding.Severity)}, caused by {cause}]" : "";
        writer.Write($"{lead}{style.Bold(finding.Id)}  {finding.Subject}: {finding.Summary}{caused}\n");
        TextWrap.Write(writer, finding.Explanation, indent);
        if (finding.Evidence.Count > 0)
        {
            var width = finding.Evidence.Max(e => e.Label.Length);
            foreach (var evidence in finding.Evidence)
            {
                var source = evidence.Source is { } s ? "  " + style.Dim("[" + s + "]") : "";
                writer.Write($"{indent}{evidence.Label.PadRight(width)}  {evidence.Value}{source}\n");
            }
        }

        if (finding.Advice.Length > 0)
        {
            TextWrap.Write(writer, "What to do: " + finding.Advice, indent);
        }
    }
}
