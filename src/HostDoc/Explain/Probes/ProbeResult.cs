using HostDoc.Findings;

namespace HostDoc.Explain.Probes;

/// <summary>One conclusion of a live probe, with the values it rests on.</summary>
/// <param name="Probe">The probe's name.</param>
/// <param name="Verdict">Holds, ruled out, a note, or undecided.</param>
/// <param name="Text">The conclusion in one or two sentences.</param>
/// <param name="Evidence">What it read.</param>
public sealed record ProbeResult(string Probe, ProbeVerdict Verdict, string Text, IReadOnlyList<Evidence> Evidence);
