namespace HostDoc.Tasks;

/// <summary>The wait classes hostdoc knows, and the kernel functions that identify each.</summary>
public static class WaitClasses
{
    /// <summary>ext3/ext4 journal space or commit (jbd/jbd2).</summary>
    public static readonly WaitClass Journal = new("journal",
        "waiting for the filesystem journal (space or commit)",
        "ext3/ext4 start every metadata change with a journal handle. When the journal is full, start_this_handle waits in " +
        "__jbd2_log_wait_for_space for a checkpoint to write older transactions home; fsync waits in jbd2_log_wait_commit " +
        "for the commit (ext3's jbd on older kernels: log_wait_for_space, log_wait_commit, and kjournald in " +
        "journal_commit_transaction). Both wait on the disk under the journal: a slow or failing disk stalls every writer of that filesystem.",
        "Look at the disk under the filesystem (iostat -x 1: await, %util; the kernel log for I/O errors; smartctl -a). " +
        "The jbd2/DEV-8 kernel thread names the device (ext3's kjournald names none: its mount is the one its writers use). " +
        "A larger journal or data=writeback only helps when the disk is healthy.");

    /// <summary>Waiting for pages under writeback.</summary>
    public static readonly WaitClass Writeback = new("writeback",
        "waiting for page writeback to finish",
        "The task needs a page that is being written to disk (fsync, truncate, or modifying a page under writeback with " +
        "stable pages) and sleeps in folio_wait_writeback until the device completes the write.",
        "Check the device's latency (iostat -x 1) and the kernel log for errors; see hostdoc mem for how much is dirty.");

    /// <summary>Throttled by the dirty-page limits.</summary>
    public static readonly WaitClass DirtyThrottle = new("dirty-throttle",
        "throttled for dirtying pages faster than they are written (balance_dirty_pages)",
        "Above the freerun ceiling of the dirty limits the kernel makes every writer sleep in balance_dirty_pages in " +
        "proportion to how far over it is; at the hard limit writers wait for writeback to catch up.",
        "hostdoc check writeback shows the limits and how close dirty pages are; find the heavy writer and the slow device.");

    /// <summary>Waiting for a block-layer tag or request.</summary>
    public static readonly WaitClass BlockRequest = new("block-request",
        "waiting for a free request slot on a block device queue",
        "Each block device queue has a fixed number of tags (requests in flight). When all are in use the submitter sleeps " +
        "in blk_mq_get_tag (or get_request on old kernels) until the device completes one: the device is saturated or stuck.",
        "iostat -x 1 for the saturated device (aqu-sz, await); cat /sys/block/DEV/inflight; the kernel log for timeouts and resets.");

    /// <summary>Generic block I/O wait.</summary>
    public static readonly WaitClass BlockIo = new("block-io",
        "waiting for block I/O to complete",
        "The task submitted I/O (buffered, or direct I/O that bypasses the page cache) and sleeps in io_schedule until the device completes it.",
        "iostat -x 1 for the device's latency; the kernel log for I/O errors and link resets.");

    /// <summary>Inode or directory lock (rwsem/mutex under a path operation).</summary>
    public static readonly WaitClass InodeLock = new("inode-lock",
        "waiting for an inode or directory lock",
        "Operations on one directory or file take its inode lock (i_rwsem). If the holder is itself stuck on I/O, every " +
        "task touching the same directory queues behind it in rwsem_down_*_slowpath or mutex_lock.",
        "Find the holder: the task in the same directory that is stuck deeper (usually on I/O or a network filesystem).");

    /// <summary>Some other kernel lock.</summary>
    public static readonly WaitClass Lock = new("lock",
        "waiting for a kernel lock (rwsem or mutex)",
        "The task sleeps uninterruptibly on a kernel semaphore or mutex held by another task.",
        "Look for the holder among the other stuck tasks; the top frames name the subsystem.");

    /// <summary>NFS or SUN RPC.</summary>
    public static readonly WaitClass Nfs = new("nfs",
        "waiting for an NFS server (RPC)",
        "NFS calls wait in rpc_wait_bit_killable for the server's reply; with a hard mount they wait until the server comes " +
        "back, however long that is.",
        "Check the server and the network (rpcinfo -p SERVER, nfsstat -c, the kernel log's 'server not responding').");

    /// <summary>CIFS/SMB server.</summary>
    public static readonly WaitClass Cifs = new("cifs",
        "waiting for a CIFS/SMB server",
        "CIFS calls send a request to the server and sleep in wait_for_response (or for a free request slot in " +
        "wait_for_free_request) until it answers; a hard mount waits for a server that has gone away until it comes back.",
        "Check the server and the network (the kernel log's 'CIFS: VFS: … has not responded'); /proc/fs/cifs/DebugData lists the sessions.");

    /// <summary>FUSE daemon.</summary>
    public static readonly WaitClass Fuse = new("fuse",
        "waiting for a FUSE filesystem's daemon",
        "Every operation on a FUSE mount is a request to a user-space daemon; the caller sleeps in fuse_get_req or " +
        "request_wait_answer until it replies. A hung or dead daemon stalls every caller.",
        "Find the mount (grep fuse /proc/self/mountinfo) and its daemon; umount -l, or abort it via /sys/fs/fuse/connections/N/abort.");

    /// <summary>Page fault that needs I/O or a remote reply.</summary>
    public static readonly WaitClass PageFault = new("page-fault",
        "stuck in a page fault (reading mapped file data)",
        "The task touched memory mapped from a file and the page must come from the filesystem; on a slow disk or a hung " +
        "network/FUSE mount the fault never completes, and anything reading that process's memory (ps, /proc/PID/cmdline) can hang too.",
        "Find the mapped file's filesystem (the task's maps) and what blocks it.");

    /// <summary>Nothing recognised.</summary>
    public static readonly WaitClass Unknown = new("unknown",
        "in uninterruptible sleep at a site hostdoc does not classify",
        "The top frame of the stack (or wchan) names the kernel function it sleeps in.",
        "Search for the top frame's function; the rest of the stack names the subsystem.");
}
