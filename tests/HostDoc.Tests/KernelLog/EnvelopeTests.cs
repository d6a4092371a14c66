using HostDoc.KernelLog.Reading;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>Every envelope of shared/reference/kernel-log-formats.md §1, with the reference's own examples.</summary>
public sealed class EnvelopeTests
{
    [Theory]
    [InlineData("ata1.00: exception Emask 0x0 SAct 0x0", "ata1.00: exception Emask 0x0 SAct 0x0", null, null)]
    [InlineData("[  222.909534] ata3.00: x", "ata3.00: x", null, 222.909534)]
    [InlineData("[1889514.592624] y", "y", null, 1889514.592624)]
    [InlineData("[  240.] z", "z", null, 240.0)]
    [InlineData("[Tue Mar 18 13:27:44 2014] ata6: EH complete", "ata6: EH complete", "2014-03-18 13:27:44", null)]
    [InlineData("[wo jan 13 10:00:00 2021] m", "m", "2021-01-13 10:00:00", null)]
    [InlineData("[mar mar 18 13:27:44 2014] es", "es", "2014-03-18 13:27:44", null)]
    [InlineData("[火  3月 18 13:27:44 2014] ja", "ja", "2014-03-18 13:27:44", null)]
    [InlineData("2016-09-12T14:15:22.100770+01:00 ok kernel: [ 1099.228378] rfc", "rfc", "2016-09-12 14:15:22", 1099.228378)]
    [InlineData("2014-03-18T13:27:44+0100 host kernel: iso", "iso", "2014-03-18 13:27:44", null)]
    [InlineData("2025 Jul  2 06:56:57.749624 sonic_testbed ERR kernel: [  993.616601] sonic", "sonic", "2025-07-02 06:56:57", 993.616601)]
    [InlineData("kern.info kernel: [31617.809376] openwrt", "openwrt", null, 31617.809376)]
    [InlineData("Wed Jul  2 06:56:57 2025 kern.warn kernel: [ 5.5] logread", "logread", "2025-07-02 06:56:57", 5.5)]
    [InlineData("> [Wed Dec 19 10:00:00 2018] quoted", "quoted", "2018-12-19 10:00:00", null)]
    [InlineData("    [  1.000000] indented", "indented", null, 1.0)]
    [InlineData("\"[  2.000000] in quotes\"", "in quotes", null, 2.0)]
    [InlineData("[  245.528573] kernel: INFO: monotonic", "INFO: monotonic", null, 245.528573)]
    [InlineData("[  245.528573] storage01 kernel: monotonic with host", "monotonic with host", null, 245.528573)]
    [InlineData("<3>[  7.000000] with priority", "with priority", null, 7.0)]
    [InlineData("6,1234,5000000,-;kmsg record", "kmsg record", null, 5.0)]
    [InlineData("[Hardware Error]: CPU 2: Machine Check", "[Hardware Error]: CPU 2: Machine Check", null, null)]
    [InlineData("[1396.3] typed by hand", "typed by hand", null, 1396.3)]                                  // a stamp without its padding, one decimal
    [InlineData("[  383.123] BUG: soft lockup", "BUG: soft lockup", null, 383.123)]                       // openzfs/spl#121, shortened by its reporter
    [InlineData("kernel: XFS (dm-4): Corruption detected.", "XFS (dm-4): Corruption detected.", null, null)]    // node-problem-detector#845: the syslog tag alone
    [InlineData(" kernel:unregister_netdevice: waiting", "unregister_netdevice: waiting", null, null)]       // a wall broadcast's second line (radiasoft/devops#141)
    [InlineData("[  +0.000041] critical medium error", "critical medium error", null, null)]              // dmesg -H: a time since the line before only
    public void Envelopes_are_taken_off(string line, string message, string? wall, double? uptime)
    {
        AssertEnvelope(line, message, wall, uptime);
    }

    [Fact]
    public void Offsets_the_envelope_gives_reach_the_timeline()
    {
        Assert.Equal(TimeSpan.FromHours(1), LogEnvelopeParser.Parse("2016-09-12T14:15:22.100770+01:00 ok kernel: rfc").Offset);
        Assert.Equal(TimeSpan.FromMinutes(-330), LogEnvelopeParser.Parse("2014-03-18T13:27:44-0530 host kernel: iso").Offset);
        Assert.Equal(TimeSpan.Zero, LogEnvelopeParser.Parse("2014-03-18T13:27:44Z host kernel: utc").Offset);
        Assert.Null(LogEnvelopeParser.Parse("2014-03-18T13:27:44+99:00 host kernel: impossible").Offset);
        Assert.Null(LogEnvelopeParser.Parse("Mar 18 13:27:44 host kernel: bsd").Offset);
        var time = new LogTime(new DateTime(2014, 3, 18, 13, 27, 44), true, null, 0, TimeSpan.FromHours(1));
        Assert.Equal("2014-03-18T13:27:44+01:00", time.Rfc3339);
        Assert.Null((time with { YearKnown = false }).Rfc3339);
    }

    private static void AssertEnvelope(string line, string message, string? wall, double? uptime)
    {
        var e = LogEnvelopeParser.Parse(line);
        Assert.Equal(message, Assert.Single(e.Messages));
        Assert.Equal(wall, e.Wall?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(uptime, e.Uptime);
        Assert.True(e.IsKernel);
    }

    [Theory]
    [InlineData("Mar  7 09:17:14 host kernel: msg", "host")]
    [InlineData("May 17 18:48:11 kernel: [ 6141.921740] no host", null)]
    [InlineData("Mar 18 13:27:44.123456 storage01 kernel: precise", "storage01")]
    public void Bsd_syslog_has_no_year(string line, string? host)
    {
        var e = LogEnvelopeParser.Parse(line);
        Assert.False(e.YearKnown);
        Assert.Equal(host, e.Host);
        Assert.True(e.IsKernel);
    }

    [Fact]
    public void Other_programs_lines_are_marked_as_not_the_kernels()
    {
        var e = LogEnvelopeParser.Parse("Mar  7 09:17:14 host sshd[123]: Accepted publickey for root");
        Assert.False(e.IsKernel);
    }

    [Fact]
    public void A_torn_line_is_two_messages()
    {
        // the seed: a KERN_CONT piece run into the next message with its level marker mid-line
        var e = LogEnvelopeParser.Parse("Mar 18 14:01:31 ***** kernel: EXT3-fs error (device dm-0): ext3_get_inode_loc: <6>ata6: EH complete");
        Assert.Equal(["EXT3-fs error (device dm-0): ext3_get_inode_loc:", "ata6: EH complete"], e.Messages);
    }

    [Theory]
    [InlineData("-- Reboot --", LogMarker.Reboot)]
    [InlineData("-- Boot 6f4a0a1e2b3c4d5e6f708192a3b4c5d6 --", LogMarker.Reboot)]
    [InlineData("-- Logs begin at Tue 2014-03-18 00:00:01 CET, end at Tue 2014-03-18 15:02:10 CET. --", LogMarker.LogsBegin)]
    [InlineData("-- No entries --", LogMarker.Other)]
    public void Journal_markers(string line, LogMarker marker) => Assert.Equal(marker, LogEnvelopeParser.Parse(line).Marker);

    [Fact]
    public void Journal_json_with_a_byte_array_message()
    {
        var e = LogEnvelopeParser.Parse("""{"__REALTIME_TIMESTAMP":"1395149264000000","_BOOT_ID":"b1","PRIORITY":"3","_TRANSPORT":"kernel","MESSAGE":[97,116,97,49,58,32,255]}""");
        Assert.StartsWith("ata1: ", e.Messages[0], StringComparison.Ordinal);
        Assert.Equal(new DateTime(2014, 3, 18, 13, 27, 44), e.Wall);
        Assert.Equal("b1", e.BootId);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[")]
    [InlineData("[Tue Foo 99 99:99:99 2014] x")]
    [InlineData("Mar 99 13:27:44 host kernel: x")]
    [InlineData("Feb 29 13:27:44 host kernel: leap day without a year")]
    [InlineData("")]
    [InlineData("<9999999999999999999>")]
    [InlineData("1,2,99999999999999999999999;x")]
    public void Odd_lines_never_throw(string line) => Assert.NotNull(LogEnvelopeParser.Parse(line));

    [Fact]
    public void Syslog_years_come_from_the_journal_header_or_the_files_year_and_roll_over_at_new_year()
    {
        var clock = new LogClock(2015, 1);
        var december = clock.Place(LogEnvelopeParser.Parse("Dec 31 23:59:59 h kernel: a"), false);
        var january = clock.Place(LogEnvelopeParser.Parse("Jan  1 00:00:01 h kernel: b"), false);
        Assert.Equal(2014, december.Wall!.Value.Year);
        Assert.Equal(2015, january.Wall!.Value.Year);
        Assert.Equal(2, january.SecondsSince(december));
    }

    [Fact]
    public void Uptime_running_backwards_is_a_new_boot()
    {
        var clock = new LogClock(2026, 11);
        Assert.Equal(0, clock.Place(LogEnvelopeParser.Parse("[ 500.0] a"), false).Boot);
        Assert.Equal(1, clock.Place(LogEnvelopeParser.Parse("[   0.0] Linux version 6.1"), true).Boot);
        Assert.Equal(1, clock.Place(LogEnvelopeParser.Parse("[   1.0] b"), false).Boot);
    }
}
