namespace HostDoc.Explain.Probes;

/// <summary>A live check that tells which of an error's causes holds on this host (or in a captured tree), read through the host root.</summary>
public interface IProbe
{
    /// <summary>The name the knowledge files use (<c>probe: space</c>).</summary>
    string Name { get; }

    /// <summary>Looks; returns what it concluded, nothing when the request gives it nothing to look at.</summary>
    IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request);
}
