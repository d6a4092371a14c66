using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.KernelLog;

/// <summary>
/// The seed's dying disk (issue 4's "done means"): the log gives exactly one incident — sdf behind
/// ata6 cannot read LBA 291,766,746, three occurrences at 13:27:44, 14:01:31 and 14:34:59,
/// auto-reallocation failed, the ext3 filesystem on dm-0 aborted its journal at 14:34:59 and is
/// read-only — in every envelope the log can come in.
/// </summary>
public sealed class SeedIncidentTests
{
    public static TheoryData<string> Envelopes => new()
    {
        "seed-ata6-ext3.log", "envelopes/raw.log", "envelopes/dmesg.log", "envelopes/dmesg-T-en.log", "envelopes/dmesg-T-nl.log",
        "envelopes/dmesg-T-de.log", "envelopes/dmesg-T-ja.log", "envelopes/syslog-no-host.log", "envelopes/journal-short.log",
        "envelopes/journal-short-precise.log", "envelopes/journal-short-monotonic.log", "envelopes/journal-short-iso.log",
        "envelopes/rsyslog-rfc3339.log", "envelopes/journal-json.log", "envelopes/logread.log", "envelopes/sonic-year-first.log",
        "envelopes/pasted-quoted.log", "envelopes/pasted-indented.log", "envelopes/kmsg.log", "envelopes/seed.log.gz",
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Every_envelope_gives_the_one_incident(string file)
    {
        var incident = LogAnalysis.Single(LogAnalysis.OfFiles(file));
        Assert.Equal("log.disk-media-error", incident.Id);
        Assert.Equal(Severity.Critical, incident.Severity);
        Assert.Equal(3, incident.Occurrences);
        Assert.Equal(["ata6.00", "5:0:0:0", "sdf", "dm-0"], incident.Chain);
        Assert.Contains("cannot read LBA 291,766,746", incident.Summary, StringComparison.Ordinal);
        Assert.Contains("auto-reallocation failed", incident.Summary, StringComparison.Ordinal);
        Assert.Contains("the ext3 filesystem on dm-0 aborted its journal", incident.Summary, StringComparison.Ordinal);
        Assert.Contains("read-only", incident.Summary, StringComparison.Ordinal);
        Assert.Contains(incident.Consequences, c => c.Contains("remounted read-only", StringComparison.Ordinal));
        Assert.Contains(incident.CrossChecks, c => c == "SCSI sense information 291,766,746 = ATA result LBA ✓");
        Assert.DoesNotContain(incident.CrossChecks, c => c.EndsWith('✗'));
    }

    [Theory]
    [InlineData("seed-ata6-ext3.log")]
    [InlineData("envelopes/journal-short-iso.log")]
    [InlineData("envelopes/dmesg-T-ja.log")]
    public void The_occurrences_carry_the_logs_times(string file)
    {
        var incident = LogAnalysis.Single(LogAnalysis.OfFiles(file));
        Assert.Equal(["13:27:44", "14:01:31", "14:34:59"], incident.Times.Select(t => t.Wall!.Value.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("aborted its journal at", incident.Consequences[1], StringComparison.Ordinal);
        Assert.EndsWith("14:34:59", incident.Consequences[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dmesg_uptime_stamps_are_the_timeline_when_there_is_no_wall_clock()
    {
        var incident = LogAnalysis.Single(LogAnalysis.OfFiles("envelopes/dmesg.log"));
        Assert.All(incident.Times, t => Assert.Null(t.Wall));
        Assert.Equal(48464, (int)incident.Times[0].Uptime!.Value);
    }

    [Fact]
    public void A_rotated_set_is_read_oldest_first_however_it_is_named()
    {
        var order = HostDoc.KernelLog.Reading.LogFiles.InRotationOrder(["envelopes/rotated/messages", "envelopes/rotated/messages.1", "envelopes/rotated/messages.2.gz"]);
        Assert.Equal(["envelopes/rotated/messages.2.gz", "envelopes/rotated/messages.1", "envelopes/rotated/messages"], order);
        var incident = LogAnalysis.Single(LogAnalysis.OfFiles([.. order]));
        Assert.Equal(3, incident.Occurrences);
        Assert.Contains("14:34:59", incident.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Dateext_rotation_sorts_by_date()
    {
        Assert.Equal(["m-20140309.gz", "m-20140316", "m"], HostDoc.KernelLog.Reading.LogFiles.InRotationOrder(["m", "m-20140316", "m-20140309.gz"]));
    }

    [Fact]
    public void The_decoded_facts_are_the_references_worked_example()
    {
        var incident = LogAnalysis.Single(LogAnalysis.OfFiles("seed-ata6-ext3.log"));
        var facts = incident.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("READ FPDMA QUEUED (0x60), LBA 291,766,743, 8 sectors, NCQ tag 0 (ncq 4096 in)", facts["ATA command"]);
        Assert.Equal("status DRDY ERR, error UNC, LBA 291,766,746", facts["ATA result"]);
        Assert.StartsWith("0x409: DEV", facts["libata Emask"], StringComparison.Ordinal);
        Assert.Contains("MEDIA", facts["libata Emask"], StringComparison.Ordinal);
        Assert.Contains("NCQ", facts["libata Emask"], StringComparison.Ordinal);
        Assert.Equal("Medium Error: Unrecovered read error - auto reallocate failed (ASC/ASCQ 11/04), information 291,766,746", facts["SCSI sense"]);
        Assert.Equal("0x08000002: DRIVER_SENSE, DID_OK, CHECK CONDITION", facts["SCSI result"]);
    }

    [Fact]
    public void A_reboot_in_the_journal_starts_a_new_timeline_and_a_healthy_boot_adds_nothing()
    {
        var analysis = LogAnalysis.OfFiles("envelopes/journal-short.log");
        LogAnalysis.Single(analysis);
        Assert.Equal(1, analysis.Boots);
    }
}
