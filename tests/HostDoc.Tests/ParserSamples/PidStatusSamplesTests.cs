using HostDoc.Proc.Pid;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/PID/status samples through <see cref="PidStatus.Parse"/>.</summary>
public sealed class PidStatusSamplesTests
{
    private const string Kind = "pid-status";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var status = PidStatus.Parse(Samples.Text(Kind, file));
        Assert.NotNull(status.Name);
        Assert.NotNull(status.CpusAllowed);
        foreach (var e in Samples.Expected(Kind, file))
        {
            var dot = e.Key.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? e.Key : e.Key[..dot];
            if (e.Value == "(absent)")
            {
                Assert.False(status.Fields.ContainsKey(name), e.ToString());
            }
            else if (name.EndsWith("_kB", StringComparison.Ordinal))
            {
                Assert.Equal(e.Value + " kB", status.Fields[name[..^3]]);
            }
            else if (dot > 0)
            {
                // Uid.real, NSpid.0: the first of the tab-separated values.
                Assert.Equal(e.Value, status.Fields[name].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]);
            }
            else if (name == "Cpus_allowed_list")
            {
                Assert.Equal(e.Value, status.CpusAllowed.ToString());
            }
            else
            {
                Assert.Equal(e.Value, string.Join(' ', status.Fields[name].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries)));
            }
        }
    }

    [Fact]
    public void The_hand_edited_sample_with_spaces_for_tabs_is_read()
    {
        // 002 is not kernel output: most separators are spaces. Decision: read it; values are trimmed
        // whatever the blank, so the fields come out as the kernel would have printed them.
        var status = PidStatus.Parse(Samples.Text(Kind, "002.txt"));
        Assert.Equal(("kube-proxy", "51"), (status.Name, status.Fields["Threads"]));
    }
}
