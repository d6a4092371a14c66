namespace HostDoc.Roots;

/// <summary>
/// How much a snapshot may unpack to: it is held in memory, so a tar bomb must stop at a clear error, not at the OOM
/// killer. The defaults are far above what <c>hostdoc collect</c> writes (a few MB) and below what a 2 GiB host can hold.
/// </summary>
/// <param name="MaxTotalBytes">All file contents together.</param>
/// <param name="MaxEntryBytes">One file.</param>
/// <param name="MaxEntries">Entries of any kind.</param>
public sealed record SnapshotLimits(long MaxTotalBytes = 1L << 30, long MaxEntryBytes = 256L << 20, int MaxEntries = 2_000_000)
{
    /// <summary>The limits hostdoc reads with.</summary>
    public static SnapshotLimits Default { get; } = new();
}
