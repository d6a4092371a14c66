namespace HostDoc.Findings;

/// <summary>One observed fact behind a finding: a value with its source, or a log line.</summary>
/// <param name="Label">What the value is, e.g. <c>Dirty+Writeback</c>.</param>
/// <param name="Value">The value as shown to a person, e.g. <c>1.2 GiB (52% of the hard limit)</c>.</param>
/// <param name="Source">Where it was read, e.g. <c>/proc/vmstat nr_dirty</c>; null when derived.</param>
public sealed record Evidence(string Label, string Value, string? Source = null);
