using System.Diagnostics;
using System.Text.RegularExpressions;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Roots;

/// <summary>
/// Any tree tarred in the <c>--root</c> layout is a snapshot: for every fixture tree and sample, <c>tar czf</c> of it read
/// with <c>--snapshot</c> gives byte for byte what <c>--root</c> gives, for every command — the report's header aside, which
/// says it read a snapshot.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class SnapshotTreeTests
{
    private static readonly string[][] Commands =
    [
        ["report"], ["report", "--format", "json"], ["df"], ["mem", "--bytes"], ["devices"], ["cpus"], ["irq"], ["stuck"], ["logs"],
        ["logs", "--format", "json"], ["iostat", "--partitions", "--format", "json"], ["net"], ["net", "--format", "json"],
        ["check", "memory", "-v"], ["check", "writeback", "-v"], ["check", "disk", "-w", "20%", "-c", "10%", "-A"], ["check", "io", "-v"],
        ["check", "raid", "-v"], ["check", "kernel-log", "-v"], ["check", "stuck", "-v"], ["check", "net", "-v"], ["cpuset"],
    ];

    public static TheoryData<string> Trees
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Fixtures.RepoRoot, "tests", "fixtures"))
                         .Concat(Directory.EnumerateDirectories(Path.Combine(Fixtures.RepoRoot, "samples"))).Order(StringComparer.Ordinal))
            {
                if (Directory.Exists(Path.Combine(dir, "proc")) || Directory.Exists(Path.Combine(dir, "sys")))
                {
                    data.Add(Path.GetRelativePath(Fixtures.RepoRoot, dir));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void A_tar_of_the_tree_reads_as_the_tree_does(string tree)
    {
        using var temp = new TempTree();
        var dir = Path.Combine(Fixtures.RepoRoot, tree);
        var archive = Path.Combine(temp.Dir, "tree.tar.gz");
        Tar("czf", archive, "-C", dir, ".");
        foreach (var command in Commands)
        {
            var fromTree = CliRun.Of(["--root", dir, .. command]);
            var fromSnapshot = CliRun.Of(["--snapshot", archive, .. command]);
            Assert.True(fromTree.Code == fromSnapshot.Code, $"{string.Join(' ', command)}: exit {fromTree.Code} from the tree, {fromSnapshot.Code} from the snapshot");
            Assert.Equal(Normal(fromTree.Out, dir), Normal(fromSnapshot.Out, archive));
            Assert.Equal(Normal(fromTree.Error, dir), Normal(fromSnapshot.Error, archive));
        }
    }

    [Fact]
    public void The_report_says_it_read_a_snapshot_and_the_json_names_it()
    {
        using var temp = new TempTree();
        var archive = Path.Combine(temp.Dir, "seed.tar.gz");
        Tar("czf", archive, "-C", Fixtures.Dir("seed-sata-ata6"), ".");
        Assert.Contains("read from snapshot " + archive, CliRun.Of("--snapshot", archive, "report").Out, StringComparison.Ordinal);
        var json = CliRun.Of("--snapshot", archive, "report", "--format", "json").Out;
        Assert.Contains("\"snapshot\":", json, StringComparison.Ordinal);
        Assert.Contains("\"file\": \"" + archive + "\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_serves_a_snapshot_as_it_serves_the_tree()
    {
        using var temp = new TempTree();
        var archive = Path.Combine(temp.Dir, "node-exporter.tar.gz");
        Tar("czf", archive, "-C", Fixtures.Dir("node-exporter-1.5.0"), ".");
        using var fromTree = Serve.ServedHost.Start(Fixtures.Dir("node-exporter-1.5.0"));
        using var fromSnapshot = Serve.ServedHost.Start(extra: ["--snapshot", archive]);
        static string[] Node(string body) => body.Split('\n').Where(l => l.StartsWith("node_", StringComparison.Ordinal) && !l.StartsWith("node_scrape_", StringComparison.Ordinal) && !l.StartsWith("node_time_seconds", StringComparison.Ordinal)).ToArray();   // the clock, not the tree
        var tree = Node((await fromTree.GetAsync("/metrics")).Body);
        Assert.NotEmpty(tree);
        Assert.Equal(tree, Node((await fromSnapshot.GetAsync("/metrics")).Body));
        Assert.Contains("read from snapshot " + archive, (await fromSnapshot.GetAsync("/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_tarred_with_its_directory_is_read_from_inside_it()
    {
        using var temp = new TempTree();
        var archive = Path.Combine(temp.Dir, "named.tar.gz");
        Tar("czf", archive, "-C", Path.Combine(Fixtures.RepoRoot, "tests", "fixtures"), "seed-sata-ata6");
        var fromTree = CliRun.Of("--root", Fixtures.Dir("seed-sata-ata6"), "devices");
        var fromSnapshot = CliRun.Of("--snapshot", archive, "devices");
        Assert.Equal(fromTree.Out, fromSnapshot.Out);
    }

    [Fact]
    public void An_uncompressed_tar_is_a_snapshot_too()
    {
        using var temp = new TempTree();
        var archive = Path.Combine(temp.Dir, "plain.tar");
        Tar("cf", archive, "-C", Fixtures.Dir("vm-6.18-idle"), ".");
        Assert.Equal(CliRun.Of("--root", Fixtures.Dir("vm-6.18-idle"), "mem").Out, CliRun.Of("--snapshot", archive, "mem").Out);
    }

    [Fact]
    public void Root_and_snapshot_together_are_a_usage_error()
    {
        var run = CliRun.Of("--root", "/tmp", "--snapshot", "/tmp/x.tar.gz", "mem");
        Assert.Equal(2, run.Code);
        Assert.Contains("--root and --snapshot", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The one place the two may differ: where the report says it read from.</summary>
    private static string Normal(string text, string source)
    {
        var named = ReadFrom().Replace(text.Replace(source, "SOURCE", StringComparison.Ordinal), "read from SOURCE at");
        return SnapshotMember().Replace(named, "");
    }

    internal static void Tar(params string[] args)
    {
        var start = new ProcessStartInfo("tar") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var tar = Process.Start(start)!;
        var error = tar.StandardError.ReadToEnd();
        tar.WaitForExit();
        Assert.True(tar.ExitCode == 0, "tar " + string.Join(' ', args) + ": " + error);
    }

    [GeneratedRegex("read from (snapshot )?SOURCE at")]
    private static partial Regex ReadFrom();

    [GeneratedRegex(",\\s*\"snapshot\": \\{[^}]*\\}")]
    private static partial Regex SnapshotMember();
}
