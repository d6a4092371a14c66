using HostDoc.Run;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/run/udev/data/b* samples through <see cref="UdevRecord.Parse"/>.</summary>
public sealed class UdevSamplesTests
{
    private const string Kind = "udev";

    /// <summary>Lines UdevRecord does not keep: G:/Q: tags and the V: database version.</summary>
    private static readonly string[] NotKept = ["tags", "db_version"];

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var udev = UdevRecord.Parse(Samples.Text(Kind, file));
        Assert.NotEmpty(udev.Properties);
        foreach (var e in Samples.Expected(Kind, file))
        {
            switch (e.Key)
            {
                case var key when NotKept.Contains(key):
                    break;
                case "symlinks":
                    Assert.True(e.Number == (ulong)udev.Symlinks.Count, e.ToString());
                    break;
                case "ID_MODEL_ENC.decoded":
                    // "QEMU HARDDISK + 27 spaces": the padding is there, and Model trims it.
                    Assert.EndsWith(string.Concat(Enumerable.Repeat(@"\x20", 27)), udev["ID_MODEL_ENC"], StringComparison.Ordinal);
                    Assert.Equal("QEMU HARDDISK", udev.Model);
                    break;
                default:
                    Assert.Equal(e.Value == "(empty string)" ? "" : e.Value, udev[e.Key]);
                    break;
            }
        }
    }
}
