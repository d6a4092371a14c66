using System.Text.RegularExpressions;
using CsCheck;
using HostDoc.Metrics;
using Xunit;

namespace HostDoc.Tests.Metrics;

/// <summary>The hand-written default device exclusion says what node_exporter's regular expression says, for every name.</summary>
public sealed class DefaultDiskExclusionTests
{
    private static readonly Regex NodeExporters = new(MetricsOptions.DefaultDiskExclude, RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("sda", false)]
    [InlineData("sda1", true)]
    [InlineData("xvdb12", true)]
    [InlineData("vdz3", true)]
    [InlineData("hdq0", true)]
    [InlineData("nvme0n1", false)]
    [InlineData("nvme0n1p2", true)]
    [InlineData("nvme10n22p333", true)]
    [InlineData("nvmen1p1", false)]
    [InlineData("loop7", true)]
    [InlineData("loop", false)]
    [InlineData("ram15", true)]
    [InlineData("fd0", true)]
    [InlineData("dm-0", false)]
    [InlineData("md127", false)]
    [InlineData("mmcblk0p1", false)]
    [InlineData("sr0", false)]
    [InlineData("sdaa1", false)]
    public void Agrees_on_the_names_kernels_give(string name, bool excluded)
    {
        Assert.Equal(excluded, DefaultDiskExclusion.Matches(name));
        Assert.Equal(excluded, NodeExporters.IsMatch(name));
    }

    [Fact]
    public void Agrees_on_any_name_made_of_their_letters() =>
        Gen.String[Gen.Char["ramlopfdhsvxnme0123456789p-"], 0, 14].Sample(name => DefaultDiskExclusion.Matches(name) == NodeExporters.IsMatch(name), iter: 200_000);
}
