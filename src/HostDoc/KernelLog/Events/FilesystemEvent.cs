using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Events;

/// <summary>What a filesystem reported about itself.</summary>
public enum FilesystemEventKind
{
    /// <summary>An error (<c>EXT4-fs error</c>, XFS metadata I/O error, BTRFS error).</summary>
    Error,

    /// <summary>The journal was aborted (<c>Aborting journal on device dm-0</c>, <c>Detected aborted journal</c>).</summary>
    JournalAborted,

    /// <summary>The filesystem was remounted read-only.</summary>
    ReadOnly,

    /// <summary>XFS forced shutdown, or btrfs forced read-only.</summary>
    Shutdown,
}

/// <summary>A filesystem's own report.</summary>
/// <param name="Line">The line.</param>
/// <param name="Kind">What it is.</param>
/// <param name="FsType">ext3, ext4, xfs, btrfs …, or null when the line does not say.</param>
/// <param name="Device">The device, or null when the line does not say (old bare <c>Remounting filesystem read-only</c>).</param>
/// <param name="Function">The kernel function that reported it, if printed.</param>
/// <param name="Text">The message.</param>
public sealed record FilesystemEvent(LogLine Line, FilesystemEventKind Kind, string? FsType, string? Device, string? Function, string Text) : LogEvent(Line);
