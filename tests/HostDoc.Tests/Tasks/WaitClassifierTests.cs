using HostDoc.Tasks;
using Xunit;

namespace HostDoc.Tests.Tasks;

public sealed class WaitClassifierTests
{
    [Theory]
    [InlineData("journal", "__jbd2_log_wait_for_space", "__jbd2_log_wait_for_space,start_this_handle,jbd2__journal_start,ext4_unlink")]
    [InlineData("journal", "jbd2_log_wait_commit", "jbd2_log_wait_commit,jbd2_complete_transaction,ext4_sync_file,do_fsync")]
    // ext3's jbd on 2.6-era kernels (the seed's 2.6.18): wchan only, no /proc/PID/stack there
    [InlineData("journal", "log_wait_for_space", "log_wait_for_space")]
    [InlineData("journal", "journal_commit_transaction", "journal_commit_transaction")]
    [InlineData("journal", "kjournald", "kjournald")]
    [InlineData("journal", "start_this_handle", "start_this_handle,journal_start,ext3_journal_start_sb,ext3_create")]
    // direct I/O (a dd oflag=direct on a slow device, captured on 6.18) and CIFS
    [InlineData("block-io", "__iomap_dio_rw", "__iomap_dio_rw,iomap_dio_rw,ext4_file_write_iter,vfs_write,ksys_write,do_syscall_64")]
    [InlineData("block-io", "__blockdev_direct_IO", "__blockdev_direct_IO,ext3_direct_IO,generic_file_direct_write")]
    [InlineData("cifs", "wait_for_response", "wait_for_response,compound_send_recv,cifs_send_recv,SMB2_open,smb2_open_file")]
    [InlineData("writeback", "folio_wait_writeback", "folio_wait_writeback,__filemap_fdatawait_range,file_write_and_wait_range,ext4_sync_file")]
    [InlineData("writeback", "wait_on_page_writeback", "wait_on_page_writeback,truncate_inode_pages_range")]
    [InlineData("dirty-throttle", "balance_dirty_pages", "balance_dirty_pages,balance_dirty_pages_ratelimited_flags,generic_perform_write")]
    [InlineData("block-request", "blk_mq_get_tag", "io_schedule,blk_mq_get_tag,__blk_mq_alloc_requests,blk_mq_submit_bio")]
    [InlineData("inode-lock", "rwsem_down_write_slowpath", "rwsem_down_write_slowpath,down_write,filename_create,do_mkdirat")]
    [InlineData("inode-lock", "__mutex_lock_slowpath", "__mutex_lock_slowpath,mutex_lock,do_unlinkat,sys_unlink")]
    [InlineData("lock", "__mutex_lock.constprop.0", "__mutex_lock.constprop.0,some_driver_ioctl")]
    [InlineData("nfs", "rpc_wait_bit_killable", "rpc_wait_bit_killable,__rpc_execute,rpc_run_task,nfs4_call_sync")]
    [InlineData("fuse", "fuse_get_req", "fuse_get_req,__fuse_simple_request,fuse_do_statx")]
    [InlineData("fuse", "request_wait_answer", "request_wait_answer,fuse_simple_request")]
    [InlineData("page-fault", "filemap_fault", "folio_wait_bit_common,filemap_fault,__do_fault,handle_mm_fault")]
    [InlineData("block-io", "io_schedule", "io_schedule,bit_wait_io,__wait_on_bit")]
    [InlineData("unknown", "mystery_wait", "mystery_wait,other")]
    public void Names_the_wait_from_the_stack(string expected, string site, string stack)
    {
        var (waitClass, at) = WaitClassifier.Classify(stack.Split(','));
        Assert.Equal(expected, waitClass.Id);
        Assert.Equal(site, at);
    }

    [Fact]
    public void A_lone_wchan_is_enough_for_the_obvious_classes()
    {
        Assert.Equal("journal", WaitClassifier.Classify(["jbd2_log_wait_commit"]).Class.Id);
        Assert.Equal("fuse", WaitClassifier.Classify(["fuse_get_req"]).Class.Id);
        Assert.Equal("unknown", WaitClassifier.Classify([]).Class.Id);
    }
}
