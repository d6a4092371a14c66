using HostDoc.KernelLog.Reading;
using HostDoc.Findings;
using HostDoc.Output;

namespace HostDoc.Cli.CommandLine;

/// <summary>When terminal output is coloured.</summary>
internal enum ColorMode
{
    Auto,
    Always,
    Never,
}

/// <summary>Report output formats.</summary>
internal enum ReportFormat
{
    Text,
    Json,
}

/// <summary>Options every command takes.</summary>
/// <param name="Root">A captured tree to read instead of the live host, or null.</param>
/// <param name="Color">Colour mode for terminal text.</param>
/// <param name="Snapshot">A snapshot archive (<c>hostdoc collect</c>'s, or a tar of a tree) to read instead of the live host, or null.</param>
internal sealed record GlobalOptions(string? Root, ColorMode Color, string? Snapshot = null)
{
    /// <summary>True when the command reads a captured host (a tree or a snapshot), not this one.</summary>
    public bool Captured => Root is not null || Snapshot is not null;
}

/// <summary>What the user typed, validated, before anything on the system is touched (phase one).</summary>
internal abstract record Invocation(GlobalOptions Global);

internal sealed record HelpInvocation(GlobalOptions Global, string? Topic) : Invocation(Global);

/// <summary><c>help --man</c> (Format "man"), <c>help --completion SHELL</c> (bash, zsh, fish) or <c>help --monitoring SYSTEM</c> (icinga2, nagios): made from the help text and the catalog.</summary>
internal sealed record GenerateInvocation(GlobalOptions Global, string Format) : Invocation(Global);

internal sealed record VersionInvocation(GlobalOptions Global) : Invocation(Global);

internal sealed record ReportInvocation(GlobalOptions Global, ReportFormat Format) : Invocation(Global);

internal sealed record MemInvocation(GlobalOptions Global, FreeUnit Unit) : Invocation(Global);

internal sealed record DfInvocation(GlobalOptions Global, bool All, bool Bytes) : Invocation(Global);

/// <summary><c>hostdoc explain TOPIC</c>: an errno (name or number), <c>rsync</c>, <c>affinity</c> or <c>--list</c>; Path is the call's path (for rsync: the exit code).</summary>
internal sealed record ExplainInvocation(GlobalOptions Global, string Topic, string? Syscall, int? Pid, string? Size, string? Path, IReadOnlyList<string> Messages) : Invocation(Global);

internal sealed record TmpfsResizeInvocation(GlobalOptions Global, string MountPoint, string Size, ulong? Inodes) : Invocation(Global);

/// <summary><c>hostdoc logs [FILE…]</c>: files (or - for stdin) to read, none for the host's own log.</summary>
internal sealed record LogsInvocation(GlobalOptions Global, IReadOnlyList<string> Files, bool Json, LogTimeBound? Since, LogTimeBound? Until, IReadOnlyList<string> Hosts, string? Boot = null) : Invocation(Global);

/// <summary><c>hostdoc serve [OPTIONS]</c>: the options go to hostdoc-serve as given (it checks them before it listens).</summary>
internal sealed record ServeInvocation(GlobalOptions Global, IReadOnlyList<string> Args) : Invocation(Global);

internal sealed record StuckInvocation(GlobalOptions Global, int Samples, double IntervalSeconds) : Invocation(Global);

/// <summary><c>hostdoc iostat</c>: iostat -x's figures over --interval, --count times (0: until interrupted).</summary>
internal sealed record IostatInvocation(GlobalOptions Global, double IntervalSeconds, int Count, bool SinceBoot, bool Partitions, bool Json) : Invocation(Global);

/// <summary><c>hostdoc net</c>: interfaces, listeners, counters since boot or per second over --interval.</summary>
/// <summary><c>collect</c>: what to write and how (see <see cref="HostDoc.Collect.CollectOptions"/>); Output null = a name made from host and time.</summary>
internal sealed record CollectInvocation(GlobalOptions Global, string? Output, bool Redact, long MaxBytes, TimeSpan IncludeLogs, TimeSpan Timeout) : Invocation(Global);

internal sealed record NetInvocation(GlobalOptions Global, double? IntervalSeconds, bool Json) : Invocation(Global);

/// <summary><c>hostdoc irq</c>.</summary>
internal sealed record IrqInvocation(GlobalOptions Global, double? IntervalSeconds) : Invocation(Global);

internal sealed record AffinityInvocation(GlobalOptions Global, int Pid, HostDoc.Cpus.CpuList? Cpus) : Invocation(Global);

internal sealed record CpusInvocation(GlobalOptions Global) : Invocation(Global);

internal sealed record CpusetInvocation(GlobalOptions Global, string? Path) : Invocation(Global);

internal sealed record DevicesInvocation(GlobalOptions Global, bool Json, string? Name) : Invocation(Global);

internal sealed record DecodeSenseInvocation(GlobalOptions Global, byte[] Bytes) : Invocation(Global);

internal sealed record DecodeAtaInvocation(GlobalOptions Global, string Command, string? Result) : Invocation(Global);

internal sealed record DecodeScsiResultInvocation(GlobalOptions Global, uint Result) : Invocation(Global);

internal sealed record ListChecksInvocation(GlobalOptions Global) : Invocation(Global);

/// <summary><c>hostdoc check NAME</c> with its thresholds by spec key.</summary>
internal sealed record CheckInvocation(
    GlobalOptions Global,
    string Check,
    IReadOnlyDictionary<string, NagiosRange> Warnings,
    IReadOnlyDictionary<string, NagiosRange> Criticals,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values,
    bool Verbose,
    int TimeoutSeconds) : Invocation(Global);

/// <summary><c>hostdoc check disk</c> with check_disk's own command line (compatible mode).</summary>
internal sealed record CheckDiskInvocation(GlobalOptions Global, IReadOnlyList<string> Arguments) : Invocation(Global);

/// <summary>A usage error; <paramref name="CheckName"/> is set when it happened inside <c>check</c> (so it is reported as a plugin UNKNOWN).</summary>
internal sealed record UsageError(string Message, string? CheckName);
