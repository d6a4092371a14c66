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

    /// <summary>Machine check / EDAC hardware error.</summary>
    HardwareError,
}

/// <summary>A machine-level kernel report.</summary>
/// <param name="Line">The line.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Subject">What it is about: the process (<c>java (4242)</c>), the port (<c>port 80</c>), the CPU, the clocksource.</param>
/// <param name="Detail">The figures or cause the line gives.</param>
public sealed record SystemEvent(LogLine Line, SystemEventKind Kind, string Subject, string Detail) : LogEvent(Line);
