using System.Globalization;
using System.Text.Json;
using Xunit;

namespace HostDoc.Tests.Storage;

/// <summary>
/// <c>hostdoc iostat</c> against sysstat's <c>iostat -x</c> on the same two samples. In a private
/// mount namespace each captured pair is bind-mounted over /proc/diskstats and /proc/uptime; each
/// tool is started on the first sample (its since-boot report is the sign it has read it), the files
/// are then rewritten with the second sample, and the tool's interval report is compared, column by
/// column, at iostat's two decimals. The namespace, its files and mounts are the test's own.
/// </summary>
public sealed class IostatOracleTests
{
    private static readonly (string Iostat, string Json)[] Columns =
    [
        ("r/s", "r_per_s"), ("rkB/s", "rkb_per_s"), ("rrqm/s", "rrqm_per_s"), ("%rrqm", "rrqm_percent"), ("r_await", "r_await"), ("rareq-sz", "rareq_kb"),
        ("w/s", "w_per_s"), ("wkB/s", "wkb_per_s"), ("wrqm/s", "wrqm_per_s"), ("%wrqm", "wrqm_percent"), ("w_await", "w_await"), ("wareq-sz", "wareq_kb"),
        ("d/s", "d_per_s"), ("dkB/s", "dkb_per_s"), ("drqm/s", "drqm_per_s"), ("%drqm", "drqm_percent"), ("d_await", "d_await"), ("dareq-sz", "dareq_kb"),
        ("f/s", "f_per_s"), ("f_await", "f_await"), ("aqu-sz", "aqu_sz"), ("%util", "util_percent"),
    ];

    public static TheoryData<string> Pairs() =>
        new(Directory.GetDirectories(Fixtures.Dir("diskstats")).Where(d => File.Exists(Path.Combine(d, "diskstats.2"))).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Equals_iostat_x_on_the_same_two_samples(string pair)
    {
        var iostat = DebianOracle.Require("iostat", "sysstat");
        var fixture = Path.Combine(Fixtures.Dir("diskstats"), pair);
        var script = $$"""
            set -u
            F='{{fixture}}'
            d=$(mktemp -d /tmp/hostdoc-iostat.XXXXXX)
            trap 'rm -rf "$d"' EXIT
            cp "$F/uptime.1" "$d/uptime"; cp "$F/diskstats.1" "$d/diskstats"
            mount --bind "$d/uptime" /proc/uptime && mount --bind "$d/diskstats" /proc/diskstats || exit 90
            swapped() {
              local out=$1 marker=$2; shift 2
              cat "$F/uptime.1" > "$d/uptime"; cat "$F/diskstats.1" > "$d/diskstats"
              "$@" > "$out" 2> "$out.err" &
              local pid=$! i
              for i in $(seq 1 600); do grep -q -- "$marker" "$out" 2>/dev/null && break; sleep 0.02; done
              cat "$F/uptime.2" > "$d/uptime"; cat "$F/diskstats.2" > "$d/diskstats"
              wait $pid
            }
            export LC_ALL=C
            swapped "$d/iostat" '^Device' stdbuf -oL '{{iostat}}' -d -x -k -p ALL 3 2
            swapped "$d/hostdoc" '"since_boot":true' dotnet "$CLI" iostat --since-boot --interval 3 --count 2 --partitions --format json
            cat "$d/hostdoc.err" >&2; echo '=== iostat'; cat "$d/iostat"; echo '=== hostdoc'; cat "$d/hostdoc"
            """;
        var (output, exitCode) = PrivateNamespace.Run(script, 120_000);
        Assert.True(exitCode == 0, $"namespace script failed ({exitCode}):\n{output}");
        var iostatText = output[(output.IndexOf("=== iostat\n", StringComparison.Ordinal) + 11)..output.IndexOf("=== hostdoc\n", StringComparison.Ordinal)];
        var hostdocLines = output[(output.IndexOf("=== hostdoc\n", StringComparison.Ordinal) + 12)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var reports = IostatReports(iostatText);
        Assert.Equal(2, reports.Count);
        Assert.Equal(2, hostdocLines.Length);
        var compared = 0;
        for (var r = 0; r < 2; r++)
        {
            using var json = JsonDocument.Parse(hostdocLines[r]);
            Assert.Equal(r == 0, json.RootElement.GetProperty("since_boot").GetBoolean());
            var ours = json.RootElement.GetProperty("devices").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d);
            foreach (var (device, values) in reports[r])
            {
                if (!ours.TryGetValue(device, out var row))
                {
                    // iostat -p ALL lists devices that never did I/O; hostdoc leaves them out.
                    Assert.True(values.Values.All(v => v == 0), $"{pair} report {r + 1}: iostat shows {device} with I/O, hostdoc does not");
                    continue;
                }

                foreach (var (column, jsonName) in Columns)
                {
                    var expected = values[column];
                    var actual = Math.Round(row.GetProperty(jsonName).GetDouble(), 2, MidpointRounding.AwayFromZero);
                    Assert.True(Math.Abs(expected - actual) <= 0.011, $"{pair} report {r + 1} {device} {column}: iostat {expected}, hostdoc {actual}");
                    compared++;
                }
            }

            // hostdoc also lists what iostat -x leaves out: only 2.6 partition lines, which have no times.
            Assert.All(ours.Where(kv => !reports[r].ContainsKey(kv.Key)), kv => Assert.False(kv.Value.GetProperty("has_times").GetBoolean(), kv.Key));
        }

        Assert.True(compared > 40, $"{pair}: only {compared} figures compared");
    }

    /// <summary>Each "Device …" block of iostat's output: device → column → value.</summary>
    private static List<Dictionary<string, Dictionary<string, double>>> IostatReports(string text)
    {
        var reports = new List<Dictionary<string, Dictionary<string, double>>>();
        string[]? header = null;
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                header = null;
                continue;
            }

            if (fields[0] == "Device")
            {
                header = fields;
                reports.Add(new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal));
                continue;
            }

            if (header is not null && fields.Length == header.Length)
            {
                reports[^1][fields[0]] = Enumerable.Range(1, fields.Length - 1)
                    .ToDictionary(i => header[i], i => double.Parse(fields[i], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            }
        }

        return reports;
    }
}
