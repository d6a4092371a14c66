using System.Formats.Tar;
using System.Text;
using HostDoc.Checks.CheckDisk;
using HostDoc.Cpus;
using HostDoc.Etc.Nss;
using HostDoc.Etc.WebServers;
using HostDoc.Explain;
using HostDoc.Findings;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Reading;
using HostDoc.Memory;
using HostDoc.Network;
using HostDoc.Output;
using HostDoc.Proc;
using HostDoc.Proc.Net;
using HostDoc.Proc.Pid;
using HostDoc.Roots;
using HostDoc.Run;
using HostDoc.Sources;
using HostDoc.Storage;
using HostDoc.Tasks;

namespace HostDoc.Fuzz;

/// <summary>
/// Every harness, by name. Text parsers get the input as UTF-8 with invalid bytes replaced (as
/// <see cref="HostRoot.ReadText"/> decodes a kernel file); argument parsers get it split at NUL or
/// newline; the log harness streams the raw bytes through the scanner, as a log file is read.
/// </summary>
public sealed class FuzzTargets
{
    // Loaded on first use: under AFL++ no instrumented hostdoc code may run before the harness loop has mapped the coverage map.
    private readonly Lazy<AscAscqTable> senseTable = new(AscAscqTable.Load);
    private readonly Lazy<Explain.KnowledgeBase> knowledge = new(() => new Explain.KnowledgeBase());

    /// <summary>The harnesses in the order <c>fuzz/run.sh</c> runs them.</summary>
    public IReadOnlyList<FuzzTarget> All => [
        Text("meminfo", "Proc/Meminfo and the free(1) block computed from it", text => Touch(FreeSummary.Compute(Sourced<Meminfo>.FromParse("m", Meminfo.Parse(text))))),
        Text("interrupts", "Proc/Interrupts (and InterruptRowParser): every layout, per-CPU totals", text => Touch(Interrupts.Parse(text).Value.DeviceTotalsPerCpu)),
        Text("stat", "Proc/KernelStat (/proc/stat)", text => Touch(KernelStat.Parse(text))),
        Text("vmstat", "Proc/Vmstat", text => Touch(Vmstat.Parse(text))),
        Text("zoneinfo", "Proc/Zoneinfo and the MemAvailable estimate over it", text => Touch(AvailableEstimate.Compute(Meminfo.Parse("MemTotal: 1000 kB\nMemFree: 10 kB\n").Value, Zoneinfo.Parse(text).Value, 4096))),
        Text("pressure", "Proc/Pressure (/proc/pressure/*)", text => Touch(Pressure.Parse("io", text))),
        Text("loadavg", "Proc/Loadavg", text => Touch(Loadavg.Parse(text))),
        Text("partitions", "Proc/Partitions", text => Touch(Partitions.Parse(text))),
        Text("swaps", "Proc/Swaps (with d_path's \\040(deleted))", text => Touch(Swaps.Parse(text))),
        Text("cmdline", "Proc/Cmdline (/proc/cmdline: quotes, repeated parameters)", text => Touch(Cmdline.Parse(text))),
        new("sys-values", "the one-value files read without a Parse: /proc/uptime, vm dirty sysctls, clocksource, cpu lists, ext4 errors, the libata transport class, irq affinity, hostname", SysValues),
        Text("netstat", "Proc/Net/Netstat (/proc/net/netstat, /proc/net/snmp)", text => Netstat.Parse(text, new Dictionary<string, double>(StringComparer.Ordinal))),
        Text("snmp6", "Proc/Net/Snmp6 (/proc/net/snmp6)", text => Snmp6.Parse(text, new Dictionary<string, double>(StringComparer.Ordinal))),
        Text("net-dev", "Proc/Net/NetDev (/proc/net/dev, glued names of old kernels)", text => Touch(NetDev.Parse(text))),
        Text("softnet", "Proc/Net/SoftnetStat (every column count)", text => Touch(SoftnetStat.Parse(text))),
        Text("sockstat", "Proc/Net/Sockstat (sockstat, sockstat6)", text => Touch(Sockstat.Parse(text))),
        Text("tcp-sockets", "Proc/Net/TcpSockets (/proc/net/tcp, tcp6: hex addresses, queues)", text => Touch(TcpSockets.Parse(text).Value.Listeners.Select(l => l.LocalAddress.ToString()).Count())),
        Text("conntrack-stat", "Proc/Net/ConntrackStat (columns by the header's names, summed)", text => Touch(ConntrackStat.Parse(text))),
        Text("consoles", "Proc/Consoles (/proc/consoles)", text => Touch(Consoles.Parse(text))),
        Text("listeners", "Network/Listeners (a tree's hostdoc/listeners)", text => Touch(Listeners.Parse(text).Value.Select(l => l.Endpoint).Count())),
        Text("net-state", "Network/NetworkStateFile (check net --state) and the window over it", NetState),
        new("sock-diag", "Network/SockDiag's reply decoder (netlink inet_diag_msg datagrams)", bytes => Touch(SockDiag.Messages(bytes, bytes.Length > 0 && bytes[0] % 2 == 0 ? (byte)2 : (byte)10, []))),
        Text("mountinfo", "Proc/Pid/Mountinfo with its octal escapes", text => Touch(Mountinfo.Parse(text))),
        Text("pid-stat", "Proc/Pid/PidStat (/proc/PID/stat)", text => Touch(PidStat.Parse(text))),
        Text("pid-status", "Proc/Pid/PidStatus", text => Touch(PidStatus.Parse(text))),
        Text("pid-sched", "Proc/Pid/SchedStats (/proc/PID/sched)", text => Touch(SchedStats.Parse(text))),
        Text("pid-stack", "Proc/Pid/StackFile (/proc/PID/stack)", text => Touch(StackFile.Parse(text))),
        Text("pid-io", "Proc/Pid/IoCounters (/proc/PID/io)", text => Touch(IoCounters.Parse(text))),
        Text("pid-maps", "Tasks/TaskFiles.MappedFileDevices (/proc/PID/maps, hex devices)", text => Touch(TaskFiles.MappedFileDevices(text).Count)),
        Text("diskstats", "Proc/Diskstats and iostat's arithmetic over two samples (4, 11, 15, 17 counters, wraps)", DiskstatsPair),
        Text("mdstat", "Proc/Mdstat (arrays, members, [n/m] [U_], recovery lines)", text => Touch(string.Join(',', Mdstat.Parse(text).Value.Select(a => (a.Missing, a.Degraded, a.IsContainer, a.Sync))))),
        Text("udev", "Run/UdevRecord (/run/udev/data/bM:m) and its \\x escapes", text => Touch(UdevRecord.Parse(text).Model)),
        Text("cpulist", "Cpus/CpuList: list and mask syntax, parse then format", CpuLists),
        Text("nagios-range", "Findings/NagiosRange", text => _ = NagiosRange.TryParse(text, out _, out _)),
        Text("tmpfs-size", "Storage/TmpfsSize (tmpfs size= forms)", text => _ = TmpfsSize.TryParse(text, 8UL << 30, out _, out _)),
        Text("listen-address", "ListenAddress (serve --listen)", text => _ = ListenAddress.TryParse(text, out _)),
        Text("log-envelope", "KernelLog/Reading/LogEnvelopeParser, JournalJsonLine, KmsgRecord and the torn-line split, per line", Envelopes),
        Text("log-time", "KernelLog/Reading/LogTimeBound (--since/--until)", text => LogTimeBound.Parse(text)?.Resolve(DateTime.Now)),
        Text("hung-task", "KernelLog/HungTaskReport", text => HungTaskReport.TryRecognize(text, 0)),
        new("kernel-log", "the whole log pipeline: scanner, envelopes, every recognizer, incidents, their text", KernelLog),
        new("sense", "KernelLog/Decoders/SenseData (fixed and descriptor format) and its description", Sense),
        Text("sense-hex", "SenseData.TryParseHex: sense bytes as people paste them", text => _ = SenseData.TryParseHex(text.Split(' ', ','), out _, out _)),
        Text("ata-taskfile", "KernelLog/Decoders/AtaTaskfile.Find and its derived LBA, count and tag", AtaTaskfiles),
        new("scsi-result", "KernelLog/Decoders/ScsiResult over every 32-bit result", bytes => ScsiResult.Describe(bytes.Length >= 4 ? BitConverter.ToUInt32(bytes) : 0)),
        Text("nginx-config", "Etc/WebServers/NginxConfig (tokens, blocks, sendfile and root inheritance)", text => Touch(NginxConfig.Roots("f", text).Count)),
        Text("apache-config", "Etc/WebServers/ApacheConfig (sections, continuations, EnableSendfile by Directory/VirtualHost)", text => Touch(ApacheConfig.Roots("f", text).Count)),
        Text("lighttpd-config", "Etc/WebServers/LighttpdConfig and the include globs' matcher", text => Touch(LighttpdConfig.Roots("f", text).Count + (Glob.Matches(text.Length > 8 ? text[..8] : text, text) ? 1 : 0))),
        Text("group", "Etc/Nss/GroupEntry (group(5) lines, buffer sizes) and NscdConfig", text => Touch(GroupEntry.Parse(text, "g").Sum(g => g.BufferNeeded) + NscdConfig.Parse(text).PositiveTtl)),
        Text("rsync-lines", "Explain/RsyncLine over each line and RsyncExplanation of them all (rsync's exit, timeout, closed-connection lines)", RsyncLines),
        Text("knowledge", "Explain/KnowledgeParser (the .topic format)", text => Touch(KnowledgeParser.Parse("f", text, []).Count)),
        Text("web-config", "Serve/WebConfig/WebConfigFile and TlsServerConfig (exporter-toolkit's YAML; errors are WebConfigException or YamlException)", WebConfig),
        Text("textfile", "Metrics/TextExposition (the textfile collector's *.prom files)", text => Touch(Metrics.TextExposition.Parse(text).Families.Count)),
        new("snapshot", "Roots/SnapshotArchive and SnapshotFiles: tar/tar.gz index, names, links, limits; then a walk of what it holds", Snapshot),
        Args("serve-args", "Serve/ServeOptions (hostdoc serve's command line)", args => ServeOptions.Parse(args)),
        Args("command-line", "Cli/CommandLine/CommandLineParser over argument vectors", args => new Cli.CommandLine.CommandLineParser(new Checks.CheckCatalog()).Parse(args)),
        Args("check-disk-args", "Checks/CheckDisk/CheckDiskParser (check_disk's own options)", args => CheckDiskParser.Parse(args, 10)),
        Args("decode", "hostdoc decode sense|ata|scsi-result, whole commands in-process", Decode),
    ];

    private void RsyncLines(string text)
    {
        var lines = text.Split('\n').Select(RsyncLine.Parse).OfType<RsyncLine>().ToArray();
        Touch(RsyncExplanation.Make(null, lines, knowledge.Value).Summary);
    }

    /// <summary>An archive read as a snapshot (limits small, so a bomb stops early), then every directory listed, every file read, every link followed.</summary>
    private static void Snapshot(byte[] bytes)
    {
        HostRoot root;
        try
        {
            root = Roots.SnapshotArchive.Open("fuzz.tar.gz", new MemoryStream(bytes), new Roots.SnapshotLimits(MaxTotalBytes: 8 << 20, MaxEntryBytes: 4 << 20, MaxEntries: 10_000));
        }
        catch (Roots.SnapshotException)
        {
            return;   // the one-line error the user sees
        }

        var pending = new Stack<(string Path, int Depth)>([("/", 0)]);
        var visited = 0;
        while (pending.Count > 0 && visited++ < 2_000)
        {
            var (path, depth) = pending.Pop();
            Touch(root.ReadText(path, 64 * 1024).Problems.Count);
            Touch(root.ReadLink(path));
            Touch(root.LastWriteTime(path));
            if (depth < 12 && root.IsDirectory(path))
            {
                foreach (var name in root.ListDirectory(path))
                {
                    pending.Push((path.TrimEnd('/') + "/" + name, depth + 1));
                }
            }
        }

        Touch(root.Snapshot?.Describe());
        Touch(root.PageSize());
        Touch(root.Statvfs(TimeSpan.FromSeconds(1)).Query("/", "ext4").Value);
    }

    /// <summary>A web config file: a usable config, or one of the two errors that name the key or the line; anything else escapes as a crash.</summary>
    private static void WebConfig(string text)
    {
        try
        {
            Touch(Serve.WebConfig.WebConfigFile.Parse(text, "/nonexistent"));
        }
        catch (Exception e) when (e is Serve.WebConfig.WebConfigException or YamlDotNet.Core.YamlException)
        {
            // the one-line error an operator sees
        }
    }

    /// <summary>A state file, then the window from it to a sample with the same keys, every delta asked.</summary>
    private static void NetState(string text)
    {
        var now = new HostDoc.Network.NetworkSample(1e6, null, new Dictionary<string, double>(StringComparer.Ordinal) { ["softnet/0/dropped"] = 1, ["dev/eth0/rx_packets"] = 5, ["dev/eth0/ifindex"] = 2 });
        if (HostDoc.Network.NetworkStateFile.Parse("state", text.Split('\n'), now, out _) is { } before)
        {
            var window = new HostDoc.Network.NetworkWindow(before, now with { Counters = before.Counters.Concat(now.Counters).DistinctBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value) });
            Touch(window.Span + string.Join(',', window.After.Counters.Keys.Select(k => window.Delta(k))));
        }
    }

    /// <summary>The files <see cref="SysValues"/> reads, one NUL-separated part of the input each (a missing part: no such file).</summary>
    private static readonly string[] SysValueFiles =
    [
        "/proc/uptime", "/proc/swaps", "/proc/sys/vm/dirty_ratio", "/proc/sys/vm/dirty_background_ratio", "/proc/sys/vm/dirty_bytes",
        "/proc/sys/vm/dirty_background_bytes", "/proc/sys/vm/dirty_expire_centisecs", "/proc/sys/vm/dirty_writeback_centisecs",
        "/sys/devices/system/clocksource/clocksource0/current_clocksource", "/sys/devices/system/clocksource/clocksource0/available_clocksource",
        "/sys/devices/system/cpu/online", "/sys/devices/system/cpu/offline", "/sys/devices/system/cpu/present", "/sys/devices/system/cpu/isolated",
        "/sys/fs/ext4/sda1/errors_count", "/sys/fs/ext4/sda1/first_error_time", "/sys/fs/ext4/sda1/first_error_func", "/sys/fs/ext4/sda1/first_error_line",
        "/sys/fs/ext4/sda1/last_error_time", "/sys/fs/ext4/sda1/last_error_block", "/sys/class/ata_link/link6/sata_spd", "/sys/class/ata_link/link6/sata_spd_limit",
        "/sys/class/ata_link/link6/hw_sata_spd_limit", "/sys/class/ata_device/dev6.0/class", "/sys/class/ata_device/dev6.0/xfer_mode",
        "/sys/class/ata_device/dev6.0/spdn_cnt", "/proc/irq/5/smp_affinity_list", "/proc/irq/5/effective_affinity_list", "/proc/sys/kernel/hostname",
    ];

    private static void SysValues(byte[] bytes)
    {
        // The tree is an archive in memory, read as `--snapshot` reads one: the same HostRoot and parsers, no file
        // system per input (the scratch directory this harness wrote before ran at 1.1 k/s; see fuzz/README.md).
        // The parts go in as bytes: SnapshotFiles decodes them as it decodes every file it reads.
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var start = 0;
            for (var i = 0; i < SysValueFiles.Length && start <= bytes.Length; i++)
            {
                var end = Array.IndexOf(bytes, (byte)0, start);
                end = end < 0 ? bytes.Length : end;
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "tree" + SysValueFiles[i]) { DataStream = new MemoryStream(bytes, start, end - start, writable: false) });
                start = end + 1;
            }
        }

        archive.Position = 0;
        var root = SnapshotArchive.Open("sys-values.tar", archive, SnapshotLimits.Default);
        Touch(Uptime.Read(root));
        Touch(Swaps.Read(root));
        Touch(Proc.Sys.Vm.DirtySysctls.Read(root));
        Touch(Sys.Devices.System.Clocksource.Clocksource.Read(root));
        Touch(Sys.Devices.System.Cpu.CpuStates.Read(root));
        Touch(Sys.Fs.Ext4.Ext4Errors.Read(root, "sda1"));
        Touch(Sys.Ata.AtaLinkState.Read(root, "ata6"));
        Touch(Proc.Irq.IrqAffinity.Read(root, "5"));
        Touch(Proc.Sys.Kernel.HostIdentity.Read(root));
    }

    private static FuzzTarget Text(string name, string exercises, Action<string> run) =>
        new(name, exercises, bytes => run(Encoding.UTF8.GetString(bytes)));

    private static FuzzTarget Args(string name, string exercises, Action<string[]> run) =>
        new(name, exercises, bytes => run(Encoding.UTF8.GetString(bytes).Split('\0', '\n')));

    /// <summary>Formats a parsed value so every derived member a renderer would read is computed.</summary>
    private static void Touch(object? value) => _ = value?.ToString();

    /// <summary>Parses the text twice over (the second half, if any, as the later sample) and computes every figure between them.</summary>
    private static void DiskstatsPair(string text)
    {
        var half = text.Length / 2;
        var first = Proc.Diskstats.Parse(text.AsSpan(0, half)).Value;
        var second = Proc.Diskstats.Parse(text.AsSpan(half)).Value;
        var uptime = (ulong)(text.Length * 7 % 100_000);
        Touch(Storage.DiskActivityReport.Between(new Storage.DiskSample(uptime, first), new Storage.DiskSample(uptime * 3, second)));
        Touch(Storage.DiskActivityReport.Between(null, new Storage.DiskSample(uptime, second)).Devices.Sum(d => d.UtilizationPercent + d.Await));
    }

    private static void CpuLists(string text)
    {
        if (CpuList.TryParse(text, out var list, out _) && !CpuList.TryParse(list.ToString(), out _, out _))
        {
            throw new InvalidOperationException($"CpuList '{list}' does not parse back");
        }

        _ = CpuList.TryParseMask(text, out _, out _);
    }

    private static void Envelopes(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Touch(LogEnvelopeParser.Parse(line));
            Touch(JournalJsonLine.Parse(line));
            Touch(KmsgRecord.TryParse(line));
            Touch(LogEnvelopeParser.SplitTorn(line));
        }
    }

    private void KernelLog(byte[] bytes)
    {
        var analyzer = new KernelLogAnalyzer(senseTable.Value);
        analyzer.Read("fuzz", new MemoryStream(bytes, writable: false), new DateTime(2014, 3, 18, 0, 0, 0, DateTimeKind.Local));
        var analysis = analyzer.Finish();
        IncidentTextWriter.Write(TextWriter.Null, analysis, TextStyle.Plain);
        IncidentJsonWriter.Write(TextWriter.Null, analysis);
    }

    private void Sense(byte[] bytes)
    {
        if (SenseData.Decode(bytes) is { } sense)
        {
            SenseWriter.Write(TextWriter.Null, sense, senseTable.Value);
        }
    }

    private static void AtaTaskfiles(string text)
    {
        if (AtaTaskfile.Find(text) is { } taskfile)
        {
            Touch((taskfile.Lba, taskfile.Sectors, taskfile.Tag, taskfile.IsNcq));
        }
    }

    private static void Decode(string[] args)
    {
        var verb = args.Length > 0 && args[0].Length > 0 ? (args[0][0] % 3) switch { 0 => "sense", 1 => "ata", _ => "scsi-result" } : "sense";
        CliInProcess.Run(["decode", verb, .. args.Skip(1)]);
    }
}
