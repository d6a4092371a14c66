namespace HostDoc.Findings;

/// <summary>
/// One typed member of a finding for machine output (JSON <c>data</c>): the kind of event, the
/// device chain as named fields, an LBA as a number, a pid, a port. Names are snake_case and listed
/// with their types in the JSON Schemas under <c>schemas/</c>.
/// </summary>
/// <param name="Name">The member name, e.g. <c>lba</c>.</param>
/// <param name="Value">Its value.</param>
public sealed record DataField(string Name, DataValue Value);
