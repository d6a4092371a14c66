using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/meminfo</c> (Documentation/filesystems/proc.rst, "meminfo"; fs/proc/meminfo.c).
/// Every field is kept in kernel order, kB converted to bytes; fields a kernel lacks are null
/// (MemAvailable appeared in 3.14, SReclaimable in 2.6.19, Shmem in 2.6.32).
/// </summary>
public sealed partial record Meminfo
{
    /// <summary>The kernel path this record is read from.</summary>
    public const string KernelPath = "/proc/meminfo";

    private readonly Dictionary<string, ulong> _byName;

    /// <summary>Creates the record from entries in kernel order (later duplicates are ignored).</summary>
    public Meminfo(IReadOnlyList<MeminfoEntry> entries)
    {
        Entries = entries;
        _byName = new Dictionary<string, ulong>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byName.TryAdd(entry.Name, entry.Value);
        }
    }

    /// <summary>Every field, in the order the kernel printed them, unknown ones included.</summary>
    public IReadOnlyList<MeminfoEntry> Entries { get; }

    /// <summary>A field by its kernel name (bytes for kB fields), or null when this kernel lacks it.</summary>
    public ulong? this[string name] => _byName.TryGetValue(name, out var value) ? value : null;

    /// <summary>MemTotal: usable RAM (physical less reserved and kernel code).</summary>
    public ulong? MemTotal => this["MemTotal"];

    /// <summary>MemFree: pages on the free lists (the kernel's NR_FREE_PAGES).</summary>
    public ulong? MemFree => this["MemFree"];

    /// <summary>MemAvailable: the kernel's estimate of memory available without swapping (3.14+).</summary>
    public ulong? MemAvailable => this["MemAvailable"];

    /// <summary>Buffers: page cache of block devices (nr_blockdev_pages: raw device reads, metadata).</summary>
    public ulong? Buffers => this["Buffers"];

    /// <summary>Cached: file page cache, excluding Buffers and SwapCached; includes Shmem/tmpfs.</summary>
    public ulong? Cached => this["Cached"];

    /// <summary>SwapCached: swapped-out pages also still in memory.</summary>
    public ulong? SwapCached => this["SwapCached"];

    /// <summary>SReclaimable: slab that can be reclaimed (dentries, inodes).</summary>
    public ulong? SReclaimable => this["SReclaimable"];

    /// <summary>Shmem: shared memory and tmpfs pages.</summary>
    public ulong? Shmem => this["Shmem"];

    /// <summary>Dirty: file pages modified and waiting to be written back.</summary>
    public ulong? Dirty => this["Dirty"];

    /// <summary>Writeback: pages being written back right now.</summary>
    public ulong? Writeback => this["Writeback"];

    /// <summary>NFS_Unstable: NFS pages sent but not yet committed (always 0 since 5.9).</summary>
    public ulong? NfsUnstable => this["NFS_Unstable"];

    /// <summary>SwapTotal: all swap space.</summary>
    public ulong? SwapTotal => this["SwapTotal"];

    /// <summary>SwapFree: unused swap space.</summary>
    public ulong? SwapFree => this["SwapFree"];

    /// <summary>Active(file): file LRU pages recently used (2.6.28+).</summary>
    public ulong? ActiveFile => this["Active(file)"];

    /// <summary>Inactive(file): file LRU pages not recently used (2.6.28+).</summary>
    public ulong? InactiveFile => this["Inactive(file)"];

    /// <summary>HighTotal: highmem on 32-bit kernels; null on 64-bit.</summary>
    public ulong? HighTotal => this["HighTotal"];

    /// <summary>Reads and parses <c>/proc/meminfo</c> under <paramref name="root"/>.</summary>
    public static Sourced<Meminfo> Read(HostRoot root) => SourceReader.Read<Meminfo>(root, KernelPath, Parse);
}
