namespace HostDoc.Sys.Fs.Ext4;

/// <summary>One error ext4 recorded.</summary>
/// <param name="Time">When (first_error_time / last_error_time, UTC).</param>
/// <param name="Function">The kernel function that reported it (e.g. <c>ext4_journal_check_start</c>).</param>
/// <param name="Line">Source line in that function.</param>
/// <param name="Inode">The inode involved, 0 when none.</param>
/// <param name="Block">The block involved, 0 when none.</param>
/// <param name="ErrorCode">The errno-style code (first_error_errcode, 5.x+), when present.</param>
public sealed record Ext4Error(DateTimeOffset? Time, string Function, ulong? Line, ulong? Inode, ulong? Block, ulong? ErrorCode);
