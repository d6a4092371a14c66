using HostDoc.Proc;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/cmdline samples through <see cref="Cmdline.Parse"/>.</summary>
public sealed class CmdlineSamplesTests
{
    private const string Kind = "cmdline";

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var text = Samples.Text(Kind, file);
        var result = Cmdline.Parse(text);
        Assert.True(result.Success);
        Assert.Equal(text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length, result.Value.Parameters.Count);
        foreach (var e in Samples.Expected(Kind, file))
        {
            if (e.Key == "tokens")
            {
                Assert.True(e.Number == (ulong)result.Value.Parameters.Count, e.ToString());
                continue;
            }

            Assert.Equal(Values(e.Value), result.Value.ValuesOf(e.Key));
        }
    }

    [Fact]
    public void Quoted_values_keep_their_blanks_as_next_arg_reads_them()
    {
        var cmdline = Cmdline.Parse("ro  dyndbg=\"file x.c +p\"\tquiet\n").Value;
        Assert.Equal([new("ro", null), new("dyndbg", "file x.c +p"), new("quiet", null)], cmdline.Parameters);
    }

    /// <summary>
    /// expected.tsv's prose lists: <c>a, b (repeated key, order kept)</c>, <c>present (flag)</c>,
    /// <c>flag, then "1"</c>, <c>"1", "0", flag, flag (in order)</c>; a plain value otherwise.
    /// </summary>
    private static string?[] Values(string value)
    {
        if (value == "present (flag)")
        {
            return [null];
        }

        var note = value.IndexOf(" (", StringComparison.Ordinal);
        var items = note > 0 ? value[..note] : value;
        return items.Split(", ").Select(i => i.StartsWith("then ", StringComparison.Ordinal) ? i[5..] : i)
            .Select(i => i == "flag" ? null : i.Trim('"')).ToArray();
    }
}
