using System.Text.Json;
using HostDoc.Checks;
using HostDoc.Findings;
using HostDoc.Output.Json;

namespace HostDoc.Output;

/// <summary>Writes a report as JSON, schema <see cref="Schema"/>.</summary>
public static class JsonReportWriter
{
    /// <summary>The schema id carried in every document; bumped on an incompatible change.</summary>
    public const string Schema = "hostdoc.report/1";

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>, followed by a newline.</summary>
    public static void Write(TextWriter writer, Report report)
    {
        writer.Write(JsonSerializer.Serialize(ToDocument(report), ReportJsonContext.Default.ReportDocument));
        writer.Write('\n');
    }

    /// <summary>Maps the report to its wire shape.</summary>
    public static ReportDocument ToDocument(Report report) => new(
        Schema,
        report.Generated,
        new HostDocument(report.Identity.Hostname, report.Identity.KernelRelease, report.Root),
        report.Worst.Name(),
        report.Results.Select(ToDocument).ToArray());

    private static CheckDocument ToDocument(CheckResult result) => new(
        result.Check,
        result.Worst.Name(),
        result.Findings.Select(f => new FindingDocument(
            f.Id, f.Severity.Name(), f.Subject, f.Summary, f.Explanation,
            f.Evidence.Select(e => new EvidenceDocument(e.Label, e.Value, e.Source)).ToArray(),
            f.Advice)).ToArray(),
        result.Measurements.Select(m => new MeasurementDocument(m.Label, m.Value, m.Unit, m.Warning, m.Critical, m.Min, m.Max)).ToArray(),
        result.Problems.Select(p => new ProblemDocument(p.Path, p.Kind.ToString(), p.Message, p.Line)).ToArray());
}
