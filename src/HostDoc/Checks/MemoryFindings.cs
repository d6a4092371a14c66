using HostDoc.Findings;
using HostDoc.Memory;

namespace HostDoc.Checks;

/// <summary>The wording of the memory check's findings, kept apart from its decisions.</summary>
internal static class MemoryFindings
{
    private const string AvailableWhy =
        "MemAvailable is the kernel's estimate (si_mem_available in mm/show_mem.c) of what can be allocated without " +
        "swapping: free pages above the zones' low watermarks plus the page cache and reclaimable slab it can drop. " +
        "Buffers and Cached are not lost memory; the kernel reclaims them on demand. When available memory runs out the " +
        "kernel reclaims hard, then swaps, then the OOM killer picks a process.";

    public static Finding AvailableLow(FreeSummary m, ulong available, Severity severity) => new(
        "memory.available-low",
        severity,
        "memory",
        $"{(m.AvailableIsEstimate ? "about " : "")}{Quantity.Bytes(available)} of {Quantity.Bytes(m.Total)} available ({Quantity.Percent(m.Total == 0 ? 0 : 100.0 * available / m.Total)})",
        AvailableWhy,
        [
            new("available", Quantity.Bytes(available), m.AvailableIsEstimate ? "estimated: no MemAvailable on this kernel" : "/proc/meminfo MemAvailable"),
            new("total", Quantity.Bytes(m.Total), "/proc/meminfo MemTotal"),
            new("used (total - available)", Quantity.Bytes(m.Used)),
            new("free", Quantity.Bytes(m.Free), "/proc/meminfo MemFree"),
            new("buff/cache", Quantity.Bytes(m.BuffCache), "Buffers + Cached + SReclaimable"),
            new("shared (tmpfs, shm)", Quantity.Bytes(m.Shared), "/proc/meminfo Shmem"),
        ],
        severity is Severity.Ok ? "" :
            "Find the largest consumers (ps -eo rss,pid,comm --sort=-rss | head), look at Shmem (tmpfs files and shared " +
            "memory cannot be dropped, only deleted or swapped) and SUnreclaim (kernel slab), and check the kernel log for " +
            "OOM kills.");

    public static Finding Swap(FreeSummary m, Severity severity) => m.SwapTotal == 0
        ? new(
            "memory.swap-exhausted",
            Severity.Ok,
            "swap",
            "no swap configured",
            "Without swap, anonymous memory cannot be paged out: when available memory runs out the OOM killer acts at once.",
            [new("SwapTotal", "0 B", "/proc/meminfo SwapTotal")],
            "")
        : new(
            "memory.swap-exhausted",
            severity,
            "swap",
            $"swap {Quantity.Bytes(m.SwapUsed)} used of {Quantity.Bytes(m.SwapTotal)} ({Quantity.Percent(m.SwapFreePercent ?? 0)} free)",
            "Swap holds anonymous pages the kernel evicted under memory pressure. When it is full and available memory " +
            "is low, the kernel can free nothing more but page cache, and then the OOM killer runs.",
            [
                new("SwapTotal", Quantity.Bytes(m.SwapTotal), "/proc/meminfo SwapTotal"),
                new("SwapFree", Quantity.Bytes(m.SwapFree), "/proc/meminfo SwapFree"),
                new("available memory", Quantity.Bytes(m.Available)),
            ],
            severity is Severity.Ok ? "" :
                "Find the processes holding swap (grep VmSwap /proc/*/status | sort -k2 -n | tail), add memory or swap, " +
                "or limit the offender with a cgroup memory.max.");

    public static Finding AvailableEstimated(FreeSummary m, ulong estimate) => new(
        "memory.available-estimated",
        Severity.Info,
        "memory",
        $"this kernel has no MemAvailable (before 3.14): free shows MemFree {Quantity.Bytes(m.Free)} as available; hostdoc estimates {Quantity.Bytes(estimate)}",
        "Without MemAvailable, free (procps-ng 4) reports MemFree as available and so ignores the page cache and slab " +
        "the kernel would reclaim. hostdoc judges thresholds on the kernel's later si_mem_available formula instead: " +
        "free pages less the zone reserves, plus the file page cache and reclaimable slab, each less what must stay.",
        [
            new("MemFree", Quantity.Bytes(m.Free), "/proc/meminfo MemFree"),
            new("estimate", Quantity.Bytes(estimate), "MemFree - reserve + file LRU + SReclaimable, less low watermarks"),
        ],
        "");

    public static Finding ShmemLarge(FreeSummary m, ulong shmem) => new(
        "memory.shmem-large",
        Severity.Info,
        "memory",
        $"shared memory and tmpfs hold {Quantity.Bytes(shmem)} ({Quantity.Percent(100.0 * shmem / m.Total)} of RAM)",
        "Shmem (tmpfs files, POSIX and SysV shared memory) is counted in Cached, so it looks reclaimable, but the kernel " +
        "can only swap it out, never drop it: a full tmpfs is memory that only deleting files returns.",
        [new("Shmem", Quantity.Bytes(shmem), "/proc/meminfo Shmem"), new("Cached", Quantity.Bytes(m.Cache), "Cached + SReclaimable")],
        "See which tmpfs mounts hold it (df -t tmpfs) and what lives in /dev/shm; ipcs -m lists SysV segments.");
}
