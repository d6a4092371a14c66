using HostDoc.Memory;
using HostDoc.Proc;
using HostDoc.Proc.Pid;
using HostDoc.Proc.Sys.Vm;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc;

/// <summary>
/// The host as the checks see it: every source read lazily through one <see cref="HostRoot"/>, at
/// most once per model, and the derived values (free's figures, writeback limits) computed once.
/// A check that needs only vmstat reads only vmstat, so <c>hostdoc check writeback</c> stays cheap.
/// </summary>
public sealed class HostModel
{
    private readonly Lazy<Sourced<Meminfo>> _meminfo;
    private readonly Lazy<Sourced<Vmstat>> _vmstat;
    private readonly Lazy<Sourced<Zoneinfo>> _zoneinfo;
    private readonly Lazy<Sourced<DirtySysctls>> _dirtySysctls;
    private readonly Lazy<PageSize> _pageSize;
    private readonly Lazy<Sourced<FreeSummary>> _free;
    private readonly Lazy<Sourced<WritebackThresholds>> _writeback;
    private readonly Lazy<Sourced<Mountinfo>> _mountinfo;
    private readonly Lazy<Sourced<Interrupts>> _interrupts;
    private readonly Lazy<BlockTopology> _topology;
    private readonly Lazy<HostDoc.KernelLog.KernelLogAnalysis> _kernelLog;
    private readonly Lazy<Sourced<FilesystemTable>> _filesystems;

    /// <summary>How long a statvfs that can hang (NFS, FUSE) is waited for.</summary>
    public static readonly TimeSpan DefaultStatvfsTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Creates the model over <paramref name="root"/>; nothing is read until asked for.</summary>
    public HostModel(HostRoot root, TimeProvider clock, TimeSpan? statvfsTimeout = null, HostDoc.KernelLog.Decoders.AscAscqTable? senseTable = null)
    {
        Root = root;
        Clock = clock;
        _meminfo = new(() => Proc.Meminfo.Read(root));
        _vmstat = new(() => Proc.Vmstat.Read(root));
        _zoneinfo = new(() => Proc.Zoneinfo.Read(root));
        _dirtySysctls = new(() => Proc.Sys.Vm.DirtySysctls.Read(root));
        _pageSize = new(() => Memory.PageSize.Resolve(root, () => Meminfo.Value, () => Vmstat.Value));
        _free = new(() => FreeSummary.Compute(Meminfo));
        _writeback = new(() => WritebackThresholds.Compute(Meminfo, Vmstat, Zoneinfo, DirtySysctls, PageSize));
        _mountinfo = new(() => Proc.Pid.Mountinfo.Read(root));
        _interrupts = new(() => Proc.Interrupts.Read(root));
        _filesystems = new(() => Mountinfo.Map(m => FilesystemTable.Build(m, root.Statvfs(statvfsTimeout ?? DefaultStatvfsTimeout), includePseudo: false)));
        _kernelLog = new(() =>
        {
            var analyzer = new HostDoc.KernelLog.KernelLogAnalyzer(senseTable ?? HostDoc.KernelLog.Decoders.AscAscqTable.Load());
            HostDoc.KernelLog.HostKernelLog.ReadInto(analyzer, root, clock);
            return analyzer.Finish();
        });
        Sampling = new HostSampling(this, Thread.Sleep);
        Network = new Network.NetworkSources(root);
        _topology = new(() => new BlockTopology(Sys.Block.BlockDeviceReader.ReadAll(root), Mountinfo.Value?.Entries ?? [], Proc.Swaps.Read(root)));
    }

    /// <summary>Where the sources are read from.</summary>
    public HostRoot Root { get; }

    /// <summary>The clock (injected so tests and snapshots are repeatable).</summary>
    public TimeProvider Clock { get; }

    /// <summary>/proc/meminfo.</summary>
    public Sourced<Meminfo> Meminfo => _meminfo.Value;

    /// <summary>/proc/vmstat.</summary>
    public Sourced<Vmstat> Vmstat => _vmstat.Value;

    /// <summary>/proc/zoneinfo.</summary>
    public Sourced<Zoneinfo> Zoneinfo => _zoneinfo.Value;

    /// <summary>/proc/sys/vm/dirty_*.</summary>
    public Sourced<DirtySysctls> DirtySysctls => _dirtySysctls.Value;

    /// <summary>The page size, from the root or inferred.</summary>
    public PageSize PageSize => _pageSize.Value;

    /// <summary>free's figures, computed from meminfo as procps does.</summary>
    public Sourced<FreeSummary> Free => _free.Value;

    /// <summary>/proc/interrupts (one read per model: the irq check, the metrics and the page share it).</summary>
    public Sourced<Interrupts> Interrupts => _interrupts.Value;

    /// <summary>/proc/self/mountinfo.</summary>
    public Sourced<Mountinfo> Mountinfo => _mountinfo.Value;

    /// <summary>The real (non-pseudo) filesystems with statvfs, one row per device.</summary>
    public Sourced<FilesystemTable> Filesystems => _filesystems.Value;

    /// <summary>The host's kernel log read into incidents (/dev/kmsg, else kern.log/messages/syslog), once.</summary>
    public HostDoc.KernelLog.KernelLogAnalysis KernelLog => _kernelLog.Value;

    /// <summary>What takes an interval to observe: stuck tasks and disk activity, each kept once taken.</summary>
    public HostSampling Sampling { get; }

    /// <summary>Interfaces, network counters, listeners and sysctls (the reader's network namespace).</summary>
    public Network.NetworkSources Network { get; }

    /// <summary>Tasks in D state (<see cref="HostSampling.Stuck"/>).</summary>
    public Tasks.StuckSurvey Stuck(int samples, TimeSpan interval) => Sampling.Stuck(samples, interval);

    /// <summary>The block devices from port to mount (/sys/block, the udev database, mountinfo, /proc/swaps).</summary>
    public BlockTopology Topology => _topology.Value;

    /// <summary>The dirty-page limits, computed as mm/page-writeback.c does.</summary>
    public Sourced<WritebackThresholds> Writeback => _writeback.Value;
}
