using HostDoc.Proc;

namespace HostDoc.Memory;

/// <summary>The page size pages are converted with, and how it was learned.</summary>
/// <param name="Bytes">Bytes per page.</param>
/// <param name="Approximation">Null when known; otherwise one sentence on how it was guessed.</param>
public sealed record PageSize(int Bytes, string? Approximation)
{
    /// <summary>
    /// The root's page size (the live host's, or the tree's <c>hostdoc/page_size</c>); failing that,
    /// Inactive(file) in bytes over nr_inactive_file in pages rounded to a power of two; failing
    /// that, 4096. The sources are only read when the root does not know its page size.
    /// </summary>
    public static PageSize Resolve(HostRoot root, Func<Meminfo?> meminfo, Func<Vmstat?> vmstat)
    {
        if (root.PageSize() is { } known)
        {
            return new PageSize(known, null);
        }

        var info = meminfo();
        var stats = vmstat();
        if (info?.InactiveFile is { } bytes && stats?.NrInactiveFile is { } pages && pages > 0 && bytes > 0)
        {
            var size = 1 << (int)Math.Round(Math.Log2((double)bytes / pages));
            if (size is >= 4096 and <= 65536)
            {
                return new PageSize(size, $"The tree does not record its page size; {size} bytes inferred from Inactive(file) and nr_inactive_file.");
            }
        }

        return new PageSize(4096, "The tree does not record its page size and it could not be inferred; 4096 bytes assumed.");
    }
}
