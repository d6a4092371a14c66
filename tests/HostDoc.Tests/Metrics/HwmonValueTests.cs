using HostDoc.Metrics.Collectors;
using Xunit;

namespace HostDoc.Tests.Metrics;

public sealed class HwmonValueTests
{
    [Theory]
    [InlineData("45000", 45000.0)]
    [InlineData("-273150", -273150.0)]
    [InlineData("+5", 5.0)]
    [InlineData("1_000", 1000.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("INF", double.PositiveInfinity)]
    [InlineData("-infinity", double.NegativeInfinity)]
    [InlineData("NaN", double.NaN)]
    public void Reads_what_go_reads(string text, double expected)
    {
        Assert.True(HwmonValue.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("+nan")]
    [InlineData("1e400")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("0x10")]
    [InlineData("Infinity∞")]
    [InlineData("1,5")]
    public void Refuses_what_go_refuses(string text) => Assert.False(HwmonValue.TryParse(text, out _));
}
