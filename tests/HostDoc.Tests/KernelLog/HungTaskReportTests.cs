using HostDoc.KernelLog;
using Xunit;

namespace HostDoc.Tests.KernelLog;

public sealed class HungTaskReportTests
{
    [Theory]
    [InlineData("INFO: task rm:19439 blocked for more than 120 seconds.", "rm", 19439, 120)]
    [InlineData("INFO: task kworker/u32:2:113 blocked for more than 245 seconds.", "kworker/u32:2", 113, 245)]
    [InlineData("INFO: task jbd2/dm-0-8:400 blocked for more than 122 seconds. [Warning #2]", "jbd2/dm-0-8", 400, 122)]
    [InlineData("INFO: task a b:c:7 blocked for more than 1 seconds.", "a b:c", 7, 1)]
    public void Recognizes_the_report_and_splits_at_the_last_colon(string message, string comm, int pid, long seconds)
    {
        var report = HungTaskReport.TryRecognize(new KmsgRecord(3, 1, 5_000_000, message))!;
        Assert.Equal(comm, report.Comm);
        Assert.Equal(pid, report.Pid);
        Assert.Equal(seconds, report.Seconds);
    }

    [Theory]
    [InlineData("INFO: task rm blocked for more than 120 seconds.")]
    [InlineData("INFO: task rm:x blocked for more than 120 seconds.")]
    [InlineData("INFO: rcu_sched self-detected stall on CPU")]
    [InlineData("\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.")]
    public void Ignores_everything_else(string message) =>
        Assert.Null(HungTaskReport.TryRecognize(new KmsgRecord(3, 1, 0, message)));

    [Theory]
    [InlineData("6,1187,9488001200,-;EXT4-fs (dm-0): mounted", 6, 1187UL, 9488001200UL, "EXT4-fs (dm-0): mounted")]
    [InlineData("12,5,77,-,caller=T1;user message\n SUBSYSTEM=usb\n", 4, 5UL, 77UL, "user message")]
    public void Reads_kmsg_records_and_their_levels(string text, int level, ulong seq, ulong usec, string message)
    {
        var record = KmsgRecord.TryParse(text)!;
        Assert.Equal((level, seq, usec, message), (record.Level, record.Sequence, record.Microseconds, record.Message));
    }

    [Theory]
    [InlineData("garbage without a header")]
    [InlineData("x,1,2,-;msg")]
    [InlineData("6,1;msg")]
    public void Malformed_records_are_skipped(string text) => Assert.Null(KmsgRecord.TryParse(text));

    [Fact]
    public void The_live_buffer_reads_without_blocking()
    {
        var records = KmsgReader.ReadAll(HostRoot.Live);
        Assert.NotEmpty(records);   // the tests run as root; the boot messages are there
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }
}
