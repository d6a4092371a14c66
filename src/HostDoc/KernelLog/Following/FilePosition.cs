namespace HostDoc.KernelLog.Following;

/// <summary>
/// Where reading one log stopped: the mark in the file the log's name held (<see cref="Current"/>),
/// and while that file is still empty, the mark in the newest rotated file that holds something
/// (<see cref="Previous"/>; null when there was none): right after a rotation the writer may still
/// append to the renamed file until it reopens the log, and an empty file has no head to be found by.
/// </summary>
/// <param name="Path">The log as the user named it (<c>/var/log/kern.log</c>).</param>
/// <param name="Current">The mark in the file that had the log's name.</param>
/// <param name="Previous">With an empty <paramref name="Current"/>: the mark in the newest non-empty rotated file.</param>
public sealed record FilePosition(string Path, FileMark Current, FileMark? Previous);
