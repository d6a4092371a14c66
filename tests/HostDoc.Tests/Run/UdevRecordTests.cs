using HostDoc.Run;
using Xunit;

namespace HostDoc.Tests.Run;

public sealed class UdevRecordTests
{
    private static string Text(string name) => File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "udev", name));

    [Fact]
    public void Reads_the_seeds_udevadm_text()
    {
        var udev = UdevRecord.Parse(Text("seed-udevadm-sda.txt"));
        Assert.Equal("/devices/platform/host0/session1/target0:0:0/0:0:0:0/block/sda", udev.DevPath);
        Assert.Equal("Amazon", udev.Vendor);                 // from ID_VENDOR_ENC "Amazon\x20\x20"
        Assert.Equal("Storage Gateway", udev.Model);         // from ID_MODEL_ENC, space kept
        Assert.Equal("gpt", udev["ID_PART_TABLE_TYPE"]);
        Assert.Equal(["block/8:0", "disk/by-id/*", "disk/by-path/*:*.com.amazon:*"], udev.Symlinks);
    }

    [Fact]
    public void Reads_a_real_database_file()
    {
        var udev = UdevRecord.Parse(Text("node-exporter-b8-0.txt"));
        Assert.Equal("TOSHIBA KSDB4U86", udev.Model);
        Assert.Equal("2160A0D5FVGG", udev.Serial);
        Assert.Equal("ata", udev["ID_BUS"]);
        Assert.Contains("disk/by-id/wwn-0x7c72382b8de36a64", udev.Symlinks);
    }

    [Fact]
    public void Both_formats_give_the_same_record()
    {
        var db = UdevRecord.Parse("S:disk/by-id/x\nE:ID_MODEL=M\nW:1\nI:2\n");
        var text = UdevRecord.Parse("P: /devices/x\nS: disk/by-id/x\nE: ID_MODEL=M\n");
        Assert.Equal(db.Properties, text.Properties);
        Assert.Equal(db.Symlinks, text.Symlinks);
    }

    [Theory]
    [InlineData("Amazon\\x20\\x20", "Amazon")]
    [InlineData("Storage\\x20Gateway\\x20", "Storage Gateway")]
    [InlineData("bad\\xZZ", "bad\\xZZ")]
    [InlineData("\\xe3\\x81\\x82", "あ")]
    public void Decodes_udev_escapes(string text, string expected) => Assert.Equal(expected, UdevRecord.DecodeEscapes(text));
}
