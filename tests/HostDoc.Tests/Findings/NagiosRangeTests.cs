using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Findings;

public sealed class NagiosRangeTests
{
    // The guidelines' table (ends inclusive) plus the edges around each end.
    [Theory]
    [InlineData("10", -1, true)]
    [InlineData("10", 0, false)]
    [InlineData("10", 10, false)]
    [InlineData("10", 10.5, true)]
    [InlineData("10:", 9.99, true)]
    [InlineData("10:", 10, false)]
    [InlineData("10:", 1e12, false)]
    [InlineData("~:10", -1e12, false)]
    [InlineData("~:10", 10, false)]
    [InlineData("~:10", 11, true)]
    [InlineData("10:20", 9, true)]
    [InlineData("10:20", 10, false)]
    [InlineData("10:20", 20, false)]
    [InlineData("10:20", 21, true)]
    [InlineData("@10:20", 9, false)]
    [InlineData("@10:20", 10, true)]
    [InlineData("@10:20", 20, true)]
    [InlineData("@10:20", 21, false)]
    [InlineData("1:1", 1, false)]
    [InlineData("1:1", 0.5, true)]
    [InlineData("@1:1", 1, true)]
    [InlineData("~:", 1e300, false)]
    [InlineData("@~:", -5, true)]
    [InlineData(":5.75", 5.75, false)]
    [InlineData("-5:-1", -3, false)]
    [InlineData("-5:-1", 0, true)]
    [InlineData("@100:", 100, true)]
    public void Alerts_as_the_guidelines_define(string text, double value, bool alerts)
    {
        Assert.True(NagiosRange.TryParse(text, out var range, out var error), error);
        Assert.Equal(alerts, range.Alerts(value));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("@", "empty")]
    [InlineData("abc", "not a number")]
    [InlineData("1:12%", "not a number")]
    [InlineData("~", "not a number")]
    [InlineData("2:1", "start is greater than end")]
    [InlineData("x:1", "not a number or ~")]
    [InlineData("1:NaN", "not a number")]
    [InlineData("1e400", "not a number")]
    public void Rejects_what_check_disk_2_silently_reads_as_0(string text, string why)
    {
        Assert.False(NagiosRange.TryParse(text, out _, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("10:")]
    [InlineData("~:10")]
    [InlineData("10:20")]
    [InlineData("@10:20")]
    [InlineData("@~:")]
    [InlineData("~:")]
    [InlineData("-3.5:7.25")]
    public void Round_trips_through_its_text(string text)
    {
        Assert.True(NagiosRange.TryParse(text, out var range, out _));
        Assert.Equal(text, range.ToString());
    }

    [Theory]
    [InlineData("10:", 10.0)]
    [InlineData("~:10", 10.0)]
    [InlineData("10", 10.0)]
    [InlineData("@75:", 75.0)]
    [InlineData("10:20", null)]
    public void Boundary_is_the_single_alert_point_for_perfdata(string text, double? boundary)
    {
        Assert.True(NagiosRange.TryParse(text, out var range, out _));
        Assert.Equal(boundary, range.Boundary);
    }

    [Fact]
    public void Critical_is_tested_before_warning()
    {
        Assert.True(NagiosRange.TryParse("10:", out var warning, out _));
        Assert.True(NagiosRange.TryParse("5:", out var critical, out _));
        var thresholds = new Thresholds(warning, critical);
        Assert.Equal(Severity.Critical, thresholds.Evaluate(4));
        Assert.Equal(Severity.Warning, thresholds.Evaluate(5.5));
        Assert.Equal(Severity.Ok, thresholds.Evaluate(10));
    }
}
