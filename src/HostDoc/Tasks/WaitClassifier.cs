namespace HostDoc.Tasks;

/// <summary>
/// Names the wait site of a task from its kernel stack (innermost first), or from wchan alone when
/// the stack is not readable. Rules are tried most specific first; a rule matches a frame by
/// function name or prefix. Function names are facts of the kernel (they change across versions,
/// so each class lists the old and new names).
/// </summary>
public static class WaitClassifier
{
    private static readonly (WaitClass Class, string[] Functions)[] Rules =
    [
        (WaitClasses.DirtyThrottle, ["balance_dirty_pages"]),
        // jbd2 (ext4, ext3 on kernels without jbd) and jbd (ext3 on 2.6-era kernels: kjournald, log_wait_for_space, journal_commit_transaction)
        (WaitClasses.Journal, ["__jbd2_log_wait_for_space", "jbd2_log_wait_for_space", "jbd2_log_wait_commit", "start_this_handle",
            "wait_transaction_locked", "jbd2_journal_lock_updates", "__log_wait_for_space", "log_wait_for_space", "log_wait_commit",
            "jbd2_journal_commit_transaction", "journal_commit_transaction", "journal_lock_updates", "do_get_write_access",
            "kjournald", "kjournald2", "journal_start", "jbd2_journal_start", "jbd2__journal_start"]),
        (WaitClasses.PageFault, ["handle_mm_fault", "do_user_addr_fault", "exc_page_fault", "__do_page_fault", "do_page_fault", "filemap_fault"]),
        (WaitClasses.Fuse, ["fuse_", "request_wait_answer", "__fuse_"]),
        (WaitClasses.Cifs, ["cifs_", "smb2_", "wait_for_response", "wait_for_free_request", "cifs_call_async", "SendReceive", "compound_send_recv"]),
        (WaitClasses.Nfs, ["rpc_wait_bit_killable", "__rpc_execute", "rpc_execute", "nfs_", "nfs4_", "__nfs"]),
        (WaitClasses.Writeback, ["folio_wait_writeback", "wait_on_page_writeback", "__filemap_fdatawait_range", "filemap_fdatawait",
            "file_write_and_wait_range", "wait_on_page_bit", "folio_wait_stable", "wait_for_stable_page"]),
        (WaitClasses.BlockRequest, ["blk_mq_get_tag", "blk_mq_get_request", "__blk_mq_alloc_request", "get_request", "blk_queue_enter",
            "rq_qos_wait", "wbt_wait"]),
        (WaitClasses.BlockIo, ["io_schedule", "bit_wait_io", "submit_bio_wait", "blk_execute_rq", "__wait_on_buffer", "wait_on_buffer", "sync_buffer",
            "__iomap_dio_rw", "iomap_dio_rw", "__blockdev_direct_IO", "blkdev_direct_IO", "__blkdev_direct_IO", "__blkdev_direct_IO_simple", "do_blockdev_direct_IO"]),
    ];

    private static readonly string[] LockFunctions =
        ["rwsem_down_read_slowpath", "rwsem_down_write_slowpath", "down_read", "down_write", "__mutex_lock", "__mutex_lock_", "mutex_lock",
         "mutex_lock_", "rwsem_down_"];

    private static readonly string[] PathOperations =
        ["lookup_slow", "walk_component", "filename_create", "do_unlinkat", "do_rmdir", "path_openat", "open_last_lookups", "do_renameat2",
         "vfs_rename", "do_mkdirat", "iterate_dir", "do_truncate", "chown_common", "notify_change", "vfs_unlink", "lock_rename"];

    /// <summary>The class of the wait and the frame that decided it (the top frame when nothing matched).</summary>
    public static (WaitClass Class, string Site) Classify(IReadOnlyList<string> frames)
    {
        foreach (var (waitClass, functions) in Rules)
        {
            if (frames.FirstOrDefault(f => Matches(f, functions)) is { } site)
            {
                return (waitClass, site);
            }
        }

        if (frames.FirstOrDefault(f => Matches(f, LockFunctions)) is { } lockSite)
        {
            return (frames.Any(f => Matches(f, PathOperations)) ? WaitClasses.InodeLock : WaitClasses.Lock, lockSite);
        }

        return (WaitClasses.Unknown, frames.Count > 0 ? frames[0] : "?");
    }

    private static bool Matches(string function, string[] names) =>
        names.Any(n => n.EndsWith('_') ? function.StartsWith(n, StringComparison.Ordinal) : function == n || function.StartsWith(n + ".", StringComparison.Ordinal));
}
