using System.Globalization;
using HostDoc.Findings;
using HostDoc.KernelLog;

namespace HostDoc.Output;

/// <summary><c>hostdoc logs</c> for a person: what was read, then each incident worst first with why, evidence and advice.</summary>
public static class IncidentTextWriter
{
    /// <summary>Writes <paramref name="analysis"/>.</summary>
    public static void Write(TextWriter writer, KernelLogAnalysis analysis, TextStyle style)
    {
        var counts = analysis.Counts;
        var skipped = counts.LongLines + counts.BinaryLines;
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"{style.Bold("hostdoc logs")}: {counts.Lines:N0} line{(counts.Lines == 1 ? "" : "s")} ({Quantity.Bytes((ulong)counts.Bytes)}) from {(analysis.Sources.Count == 0 ? "no input" : string.Join(", ", analysis.Sources))}"));
        writer.Write(analysis.Boots > 1 ? $", {analysis.Boots} boots" : "");
        writer.Write(analysis.ManyHosts ? string.Create(CultureInfo.InvariantCulture, $", {analysis.Hosts.Count:N0} hosts") : "");
        writer.Write(skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $"; skipped {counts.LongLines:N0} over-long and {counts.BinaryLines:N0} binary lines") : "");
        writer.Write('\n');
        if (analysis.Incidents.Count == 0)
        {
            writer.Write("No incidents: nothing in the log says a disk, filesystem, link, clock or the memory manager failed.\n");
        }
        else
        {
            writer.Write(string.Join(", ", new[] { Severity.Critical, Severity.Warning, Severity.Info }
                .Select(s => (s, n: analysis.Incidents.Count(i => i.Severity == s))).Where(x => x.n > 0).Select(x => $"{x.n} {x.s.Name()}")) + "\n");
        }

        // A central log of many hosts: each host's incidents together, under its name.
        string? heading = null;
        var ordered = analysis.ManyHosts ? analysis.Incidents.OrderBy(i => i.Host, StringComparer.Ordinal).ToArray() : analysis.Incidents;
        foreach (var incident in ordered)
        {
            if (analysis.ManyHosts && incident.Host != heading)
            {
                heading = incident.Host;
                writer.Write($"\n{style.Bold("host " + (heading ?? "(no host name)"))}\n");
            }

            writer.Write($"\n{style.Label(incident.Severity)}\n");
            TextReportWriter.WriteDetailed(writer, incident.ToFinding(), style);
            if (incident.MoreLines > 0)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"      … and {incident.MoreLines:N0} more lines\n"));
            }
        }

        foreach (var problem in analysis.Problems)
        {
            writer.Write($"\n{style.Bold("Not read")}: {problem}\n");
        }
    }
}
