using System.Text.Json;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Collect;

/// <summary>
/// <c>hostdoc collect</c> on this host, then the snapshot read back: it diagnoses what the live host diagnoses (the same
/// finding ids, severities and subjects), its manifest says whose host, when and what could not be read.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CollectTests
{
    private static (string File, CliRun Run) Collect(TempTree temp, params string[] extra)
    {
        var file = Path.Combine(temp.Dir, "snapshot.tar.gz");
        var run = CliRun.Of(["collect", "-o", file, .. extra]);
        Assert.True(run.Code == 0, run.Error);
        return (file, run);
    }

    // Judged over a sampling window on the live host and since boot in a tree or snapshot (one read): time-varying by nature.
    private static readonly HashSet<string> Windowed = new(StringComparer.Ordinal) { "disk.slow", "disk.saturated", "tasks.stuck-io" };

    private static HashSet<string> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in document.RootElement.GetProperty("checks").EnumerateArray())
        {
            foreach (var finding in check.GetProperty("findings").EnumerateArray())
            {
                if (Windowed.Contains(finding.GetProperty("id").GetString()!))
                {
                    continue;
                }

                set.Add($"{finding.GetProperty("id").GetString()} {finding.GetProperty("severity").GetString()} {finding.GetProperty("subject").GetString()}");
            }
        }

        return set;
    }

    /// <summary>explain's probes read the same through a snapshot: collect replays them (limits, descriptors, inotify use) and keeps every process's cwd and root.</summary>
    [Fact]
    public void Explain_answers_from_a_snapshot()
    {
        using var temp = new TempTree();
        var (file, _) = Collect(temp);
        var run = CliRun.Of("--snapshot", file, "explain", "EMFILE", "--pid", "1");
        Assert.True(run.Code == 0, run.Out + run.Error);
        Assert.Contains("descriptors open of its soft limit", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("? undecided", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_diagnoses_what_the_live_host_diagnoses()
    {
        using var temp = new TempTree();
        var (file, run) = Collect(temp);
        Assert.Equal(file + "\n", run.Out);
        Assert.Matches("(^|\n)hostdoc collect: wrote .*: [0-9,]+ files, [0-9.]+ MB, [0-9.]+ MB compressed, in [0-9.]+ s", run.Error);

        var live = CliRun.Of("report", "--format", "json");
        var snapshot = CliRun.Of("--snapshot", file, "report", "--format", "json");
        Assert.Equal(live.Code, snapshot.Code);
        Assert.Equal(Findings(live.Out).Order(StringComparer.Ordinal), Findings(snapshot.Out).Order(StringComparer.Ordinal));
        Assert.Contains("read from snapshot " + file + " of ", CliRun.Of("--snapshot", file, "report").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_reads_the_snapshot_as_it_reads_the_host()
    {
        using var temp = new TempTree();
        var (file, _) = Collect(temp);
        foreach (var command in new[] { "devices", "cpus", "df", "logs", "check raid", "check cpus", "check disk -w 10% -c 5% -A", "affinity 1" })
        {
            var args = command.Split(' ');
            var live = CliRun.Of(args);
            var snapshot = CliRun.Of(["--snapshot", file, .. args]);
            Assert.True(live.Code == snapshot.Code, $"{command}: exit {live.Code} live, {snapshot.Code} from the snapshot: {snapshot.Error}");
            if (command is "devices" or "cpus" or "check raid" or "check cpus")
            {
                Assert.Equal(live.Out, snapshot.Out);
            }
        }
    }

    [Fact]
    public void The_manifest_says_whose_host_when_and_what_could_not_be_read()
    {
        using var temp = new TempTree();
        var (file, _) = Collect(temp, "--include-logs", "2h");
        var archive = SnapshotArchiveReader.Read(file);
        using var manifest = JsonDocument.Parse(archive.Files["manifest.json"]);
        var m = manifest.RootElement;
        Assert.Equal("hostdoc.snapshot/1", m.GetProperty("format").GetString());
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/hostname").Trim(), m.GetProperty("host").GetString());
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), m.GetProperty("kernel").GetString());
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(), m.GetProperty("boot_id").GetString());
        Assert.Equal(["collect", "-o", file, "--include-logs", "2h"], m.GetProperty("command_line").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(7200, m.GetProperty("include_logs_seconds").GetInt64());
        Assert.False(m.GetProperty("redacted").GetBoolean());
        Assert.Equal(archive.Files.Count - 2, m.GetProperty("files").GetInt32());   // manifest.json and hostdoc/listings are the snapshot's own
        Assert.Equal(archive.Links.Count, m.GetProperty("links").GetInt32());
        foreach (var item in m.GetProperty("unreadable").EnumerateArray())
        {
            Assert.StartsWith("/", item.GetProperty("path").GetString()!, StringComparison.Ordinal);
            Assert.Contains(item.GetProperty("kind").GetString(), new[] { "PermissionDenied", "IoError", "Timeout", "TooLarge", "Malformed" });
            Assert.NotEmpty(item.GetProperty("why").GetString()!);
        }

        // What only a system call says is in the tree's own files.
        Assert.Equal(Environment.SystemPageSize + "\n", archive.Files["hostdoc/page_size"]);
        Assert.Contains(archive.Files["hostdoc/statvfs"].Split('\n'), l => l.StartsWith("/ ", StringComparison.Ordinal));
        Assert.True(archive.Files.ContainsKey("proc/self/mountinfo") || archive.Links.ContainsKey("proc/self"));
        // Every process, with its stack where it was readable.
        var pids = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).ToArray();
        Assert.True(pids.Count(p => archive.Files.ContainsKey($"proc/{p}/stat")) >= pids.Length * 9 / 10, "most processes' stat files are in the snapshot");
    }

    [Fact]
    public void The_options_are_checked_before_anything_is_read()
    {
        Assert.Contains("collect reads the live host", CliRun.Of("--root", Fixtures.Dir("vm-6.18-idle"), "collect").Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Of("collect", "--max-size", "12q").Code);
        Assert.Equal(2, CliRun.Of("collect", "--include-logs", "yesterday-ish").Code);
        Assert.Equal(2, CliRun.Of("collect", "--timeout", "0").Code);
        Assert.Contains("--max-size SIZE", CliRun.Of("collect", "--bogus").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mount_that_does_not_answer_is_skipped_and_named_in_the_manifest()
    {
        var script = PrivateNamespace.UnservedFuseMount("hostdoc-hung") + """
            out=$(mktemp -d)
            t0=$(date +%s%N)
            dotnet "$CLI" collect --timeout 1 -o "$out/s.tar.gz" >/dev/null 2>&1; rc=$?
            echo "rc=$rc ms=$((($(date +%s%N) - t0) / 1000000)) mount=$d"
            tar xzf "$out/s.tar.gz" -O hostdoc/statvfs | grep -F "$d"
            tar xzf "$out/s.tar.gz" -O manifest.json | grep -A2 -F "\"statvfs $d\""
            dotnet "$CLI" --snapshot "$out/s.tar.gz" check disk -w 10% -c 5% | head -1
            rm -rf "$out"; umount -l "$d"; rmdir "$d"
            """;
        var (output, exitCode) = PrivateNamespace.Run(script);
        Assert.NotEqual(90, exitCode);
        var first = output.Split('\n')[0].Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        Assert.Equal("0", first["rc"]);
        Assert.InRange(int.Parse(first["ms"], System.Globalization.CultureInfo.InvariantCulture), 0, 15_000);
        Assert.Contains(first["mount"] + " hang", output, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"Timeout\"", output, StringComparison.Ordinal);
        Assert.Contains("DISK CRITICAL - " + first["mount"] + " is not accessible: did not answer when the tree was captured", output, StringComparison.Ordinal);
    }
}
