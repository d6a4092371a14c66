using HostDoc.KernelLog.Decoders;
using Xunit;

namespace HostDoc.Tests.KernelLog;

public sealed class AtaTaskfileTests
{
    [Fact]
    public void The_seeds_ncq_read_and_its_result()
    {
        var cmd = AtaTaskfile.Find("ata6.00: cmd 60/08:00:d7:01:64/00:00:11:00:00/40 tag 0 ncq 4096 in")!;
        Assert.Equal("READ FPDMA QUEUED", AtaNames.Command(cmd.Command));
        Assert.Equal((291_766_743UL, 8, 0), (cmd.Lba, cmd.Sectors, cmd.Tag));
        var res = AtaTaskfile.Find("res 41/40:00:da:01:64/00:00:11:00:00/40 Emask 0x409 (media error) <F>")!;
        Assert.Equal(291_766_746UL, res.Lba48);
        Assert.Equal("DRDY ERR", AtaNames.Status(res.Command));
        Assert.Equal("UNC", AtaNames.Error(res.Feature));
    }

    [Fact]
    public void Twenty_eight_bit_commands_take_lba_27_24_from_the_device_register()
    {
        var cmd = AtaTaskfile.Find("c8/00:08:10:20:30/00:00:00:00:00/e1")!;
        Assert.True(cmd.Is28Bit);
        Assert.Equal((19_931_152UL, 8), (cmd.Lba, cmd.Sectors));
        Assert.Equal(256, AtaTaskfile.Find("c8/00:00:10:20:30/00:00:00:00:00/e1")!.Sectors);
    }

    [Fact]
    public void Ncq_tag_and_count_live_in_other_registers()
    {
        var cmd = AtaTaskfile.Find("60/10:18:00:00:00/00:00:00:00:00/40")!;
        Assert.Equal((3, 16), (cmd.Tag, cmd.Sectors));
    }

    [Fact]
    public void Every_emask_bit_not_only_the_word_the_kernel_prints()
    {
        // 0x449 prints "(internal error)" but carries NCQ, SYSTEM, MEDIA and DEV.
        Assert.Equal(["DEV", "MEDIA", "SYSTEM", "NCQ"], AtaNames.Emask(0x449).Select(b => b.Name));
    }

    [Theory]
    [InlineData("cmd 60/08:00:d7:01:64/00:00:11:00/40")]
    [InlineData("cmd zz/08:00:d7:01:64/00:00:11:00:00/40")]
    [InlineData("")]
    public void Torn_taskfiles_are_not_decoded(string text) => Assert.Null(AtaTaskfile.Find(text));

    [Fact]
    public void Scsi_results_and_dispositions()
    {
        var lines = ScsiResult.Describe(0x08000002);
        Assert.StartsWith("driver byte 0x08 DRIVER_SENSE", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("SAM status  0x02 CHECK CONDITION", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("disposition FAILED (0x2003)", ScsiResult.Describe(0x2003)[0], StringComparison.Ordinal);
        Assert.Contains("DID_TIME_OUT", ScsiResult.Describe(0x00030000)[1], StringComparison.Ordinal);
    }
}
