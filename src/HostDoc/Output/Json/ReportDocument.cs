namespace HostDoc.Output.Json;

// The JSON contract of `hostdoc report --format json`, schema "hostdoc.report/1". These records are
// the wire shape only: the domain types stay free of serialisation concerns. Adding a member is a
// compatible change; renaming or removing one needs a new schema version.

/// <summary>The whole report document.</summary>
public sealed record ReportDocument(
    string Schema,
    DateTimeOffset Generated,
    HostDocument Host,
    string Worst,
    IReadOnlyList<CheckDocument> Checks);

/// <summary>Which host.</summary>
public sealed record HostDocument(string? Name, string? Kernel, string Root);

/// <summary>One check's result.</summary>
public sealed record CheckDocument(
    string Name,
    string State,
    IReadOnlyList<FindingDocument> Findings,
    IReadOnlyList<MeasurementDocument> Measurements,
    IReadOnlyList<ProblemDocument> Problems);

/// <summary>One finding.</summary>
public sealed record FindingDocument(
    string Id,
    string Severity,
    string Subject,
    string Summary,
    string Explanation,
    IReadOnlyList<EvidenceDocument> Evidence,
    string Advice);

/// <summary>One piece of evidence.</summary>
public sealed record EvidenceDocument(string Label, string Value, string? Source);

/// <summary>One measurement.</summary>
public sealed record MeasurementDocument(
    string Label,
    double Value,
    string Unit,
    double? Warning,
    double? Critical,
    double? Min,
    double? Max);

/// <summary>One source problem.</summary>
public sealed record ProblemDocument(string Path, string Kind, string Message, int? Line);
