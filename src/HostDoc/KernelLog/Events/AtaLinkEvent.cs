using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>What libata's error handler did to a link or device.</summary>
public enum AtaLinkAction
{
    /// <summary><c>exception Emask … SErr … action …</c>: error handling starts.</summary>
    Exception,

    /// <summary><c>SError: { … }</c>: the SATA link's error bits.</summary>
    SError,

    /// <summary><c>hard resetting link</c> / <c>soft resetting link</c>.</summary>
    Reset,

    /// <summary><c>SATA link up …</c>.</summary>
    LinkUp,

    /// <summary><c>SATA link down</c>.</summary>
    LinkDown,

    /// <summary><c>limiting SATA link speed to …</c>.</summary>
    SpeedLimited,

    /// <summary><c>COMRESET failed</c>, <c>failed to IDENTIFY</c>, <c>revalidation failed</c>.</summary>
    ResetFailed,

    /// <summary><c>ata6.00: disabled</c>: libata gave up on the device.</summary>
    Disabled,

    /// <summary><c>EH complete</c>: error handling finished.</summary>
    Recovered,
}

/// <summary>One step of libata error handling on a port.</summary>
/// <param name="Line">The line.</param>
/// <param name="Device">The port or device, <c>ata6</c> / <c>ata6.00</c>.</param>
/// <param name="Action">What happened.</param>
/// <param name="Detail">The rest of the message (SError bit names, link speed, errno).</param>
/// <param name="Emask">The exception's Emask, for <see cref="AtaLinkAction.Exception"/>.</param>
/// <param name="SError">The exception's SErr value, for <see cref="AtaLinkAction.Exception"/>.</param>
public sealed record AtaLinkEvent(LogLine Line, string Device, AtaLinkAction Action, string Detail, int Emask = 0, uint SError = 0) : LogEvent(Line)
{
    /// <summary>The ATA port, <c>ata6</c>.</summary>
    public string Port => Device.Split('.')[0];
}
