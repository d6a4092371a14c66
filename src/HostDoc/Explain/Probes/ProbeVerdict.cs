namespace HostDoc.Explain.Probes;

/// <summary>What a live probe concluded about one cause.</summary>
public enum ProbeVerdict
{
    /// <summary>This cause holds here.</summary>
    Holds,

    /// <summary>This cause does not hold here.</summary>
    RuledOut,

    /// <summary>A fact worth knowing that neither confirms nor rules out a cause.</summary>
    Note,

    /// <summary>The probe could not decide (a source was unreadable).</summary>
    Unknown,
}
