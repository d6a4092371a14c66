namespace HostDoc.Proc;

/// <summary>One parameter of the kernel command line: <c>root=/dev/sda1</c>, or a flag such as <c>ro</c>.</summary>
/// <param name="Name">What precedes the first '=' (<c>vt.handoff</c>, <c>root</c>).</param>
/// <param name="Value">What follows it (<c>UUID=…</c> keeps its own '='), quotes removed; null for a flag.</param>
public readonly record struct KernelParameter(string Name, string? Value);
