namespace HostDoc.Memory;

/// <summary>Which sysctl set a dirty limit.</summary>
public enum LimitSource
{
    /// <summary>A percentage of dirtyable memory (dirty_ratio, dirty_background_ratio).</summary>
    Ratio,
    /// <summary>An absolute size (dirty_bytes, dirty_background_bytes), which overrides the ratio.</summary>
    Bytes,
    /// <summary>The background limit was at or above the hard limit, so the kernel used half the hard limit.</summary>
    HalfOfHardLimit,
}
