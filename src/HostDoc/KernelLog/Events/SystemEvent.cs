using HostDoc.Findings;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>Kernel reports about the machine rather than one disk.</summary>
public enum SystemEventKind
{
    /// <summary>The boot banner (<c>Linux version …</c>).</summary>
    Boot,

    /// <summary><c>INFO: task X:N blocked for more than S seconds.</c></summary>
    HungTask,

    /// <summary>The OOM killer killed a process.</summary>
    OomKill,

    /// <summary><c>Possible SYN flooding on port N</c>.</summary>
    SynFlood,

    /// <summary><c>nf_conntrack: table full, dropping packet</c>.</summary>
    ConntrackFull,

    /// <summary>TSC marked unstable, or a clocksource watchdog verdict.</summary>
    ClockUnstable,

    /// <summary><c>SMP disabled</c> (the machine runs on one CPU).</summary>
    SmpDisabled,

    /// <summary>Soft or hard lockup.</summary>
    Lockup,

    /// <summary>RCU stall.</summary>
    RcuStall,

    /// <summary>Machine check, EDAC or firmware (CPER) hardware error.</summary>
    HardwareError,

    /// <summary>A kernel oops: <c>Oops:</c>, <c>BUG: unable to handle …</c>, <c>general protection fault</c>, <c>kernel BUG at …</c>, divide error, invalid opcode.</summary>
    Oops,

    /// <summary><c>Kernel panic - not syncing: …</c>.</summary>
    Panic,

    /// <summary><c>unregister_netdevice: waiting for DEV to become free</c>: a leaked reference to a network device.</summary>
    NetdevLeak,

    /// <summary><c>nfs: server X not responding</c> (and its <c>OK</c>, which <see cref="SystemEvent.Ends"/>).</summary>
    NfsNotResponding,

    /// <summary>An md array lost a member (<c>md/raid1:md0: Disk failure on sdb1</c>).</summary>
    RaidDegraded,

    /// <summary>A device-mapper multipath path failed (and its reinstatement, which ends it).</summary>
    PathFailed,

    /// <summary>An NVMe controller timed out, was reset, went down or was removed.</summary>
    NvmeController,

    /// <summary>A USB device was reset, failed enumeration or disconnected.</summary>
    UsbTrouble,

    /// <summary>An MMC/SD card or host controller failed a request, timed out or was removed.</summary>
    MmcTrouble,
}

/// <summary>A machine-level kernel report.</summary>
/// <param name="Line">The line.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Subject">What it is about: the process (<c>java (4242)</c>), the port (<c>port 80</c>), the CPU, the clocksource.</param>
/// <param name="Detail">The figures or cause the line gives.</param>
/// <param name="Data">Typed members the line gives (pid, comm, port, device, counts); the incident keeps the first value of each.</param>
/// <param name="Continues">True for a further line of the current occurrence (an oops's RIP line), not a new one.</param>
/// <param name="Ends">True for the line that ends the trouble (<c>nfs: server X OK</c>, a path reinstated).</param>
public sealed record SystemEvent(
    LogLine Line, SystemEventKind Kind, string Subject, string Detail,
    IReadOnlyList<DataField>? Data = null, bool Continues = false, bool Ends = false) : LogEvent(Line);
