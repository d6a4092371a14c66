using System.Text.Json;
using HostDoc.Collect;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Collect;

/// <summary>
/// <c>collect --redact</c>: no original host name, address, serial, user name or command-line argument is left anywhere
/// in the archive (names, contents, link targets, manifest), and the diagnosis still links what it linked.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RedactionTests
{
    private static void AssertNowhere(SnapshotArchiveReader archive, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            foreach (var (where, text) in archive.Everything())
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"\"{secret}\" is still in {where}");
            }
        }
    }

    [Fact]
    public void A_redacted_collect_of_a_host_with_known_values_leaves_none_of_them()
    {
        using var temp = new TempTree();
        var output = Path.Combine(temp.Dir, "redacted.tar.gz");
        var ip = DebianOracle.Require("ip", "iproute2");
        var python = DebianOracle.Require("python3", "python3-minimal");
        // A host of the test's making: its own UTS and network namespaces (a host name, a veth with a MAC and addresses,
        // a listener on them), its own mount namespace (sysfs of that network namespace, a mount under a user's home, a
        // private /etc/passwd with that user), and a process with arguments.
        var script = $$"""
            set -e
            unshare -u -n bash -s <<'EOS'
            set -e
            hostname hostdoc-redact-box.example.org
            mount -t sysfs sysfs /sys
            {{ip}} link add v0 type veth peer name v1
            {{ip}} link set v0 address 02:5e:c2:e7:00:01
            {{ip}} addr add 192.0.2.77/24 dev v0
            {{ip}} -6 addr add 2001:db8:77::5/64 dev v0 nodad
            {{ip}} link set v0 up; {{ip}} link set v1 up; {{ip}} link set lo up
            home=$(mktemp -d /tmp/hostdoc-redact.XXXXXX)
            mkdir -p "$home/home/zenobia"
            mount -t tmpfs -o size=1m hostdoc-redact "$home/home/zenobia"
            cp /etc/passwd "$home/passwd"; echo 'zenobia:x:4321:4321::/home/zenobia:/bin/sh' >> "$home/passwd"
            mount --bind "$home/passwd" /etc/passwd
            {{python}} -c 'import socket,time; s=socket.socket(); s.bind(("192.0.2.77",8077)); s.listen(); time.sleep(60)' &
            bash -c 'sleep 60' hostdoc-secret-argument-31337 &
            sleep 0.5
            dotnet "$CLI" collect --redact -o {{output}} 2>&1
            echo "collected rc=$?"
            kill %1 %2; wait || true
            umount /etc/passwd; umount "$home/home/zenobia" || umount -l "$home/home/zenobia"; rm -rf "$home"
            EOS
            """;
        var (text, exitCode) = PrivateNamespace.Run(script);
        Assert.True(exitCode == 0 && text.Contains("collected rc=0", StringComparison.Ordinal), text);

        var archive = SnapshotArchiveReader.Read(output);
        Assert.Contains(archive.Files, f => f.Key.StartsWith("sys/devices/virtual/net/v0/", StringComparison.Ordinal));   // the namespace's own interface was read
        AssertNowhere(archive,
        [
            "hostdoc-redact-box", "02:5e:c2:e7:00:01", "192.0.2.77", "4D0200C0", "2001:db8:77::5", "20010db8007700000000000000000005", "b80d0120",
            "zenobia", "hostdoc-secret-argument", "sleep 60",
        ]);

        using var manifest = JsonDocument.Parse(archive.Files["manifest.json"]);
        Assert.True(manifest.RootElement.GetProperty("redacted").GetBoolean());
        Assert.Equal("host-1", manifest.RootElement.GetProperty("host").GetString());
        var counts = manifest.RootElement.GetProperty("redaction");
        foreach (var kind in new[] { Pseudonyms.HostNames, Pseudonyms.Macs, Pseudonyms.Addresses, Pseudonyms.Users, Pseudonyms.Arguments })
        {
            Assert.True(counts.TryGetProperty(kind, out var n) && n.GetInt32() > 0, $"nothing redacted as {kind}");
        }

        // Still a snapshot hostdoc reads: the listener is there under its pseudonym, the user's mount under its.
        var net = CliRun.Of("--snapshot", output, "net");
        Assert.Contains("198.18.", net.Out, StringComparison.Ordinal);
        Assert.Contains("/home/user-1", CliRun.Of("--snapshot", output, "df", "-a").Out + CliRun.Of("--snapshot", output, "df").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_failing_disk_story_still_links_disk_mount_and_incident_when_redacted()
    {
        using var temp = new TempTree();
        var tree = TreeCapture.Of(Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"));
        var redacted = Redactor.Apply(tree, "alice:x:1000:1000::/home/alice:/bin/sh\n", out var redactor);
        var file = Path.Combine(temp.Dir, "failing-disk.tar.gz");
        using (var stream = File.Create(file))
        {
            SnapshotWriter.Write(stream, redacted, new SnapshotFacts(redactor.Pseudonym("storage01"), null, null, "test", [], redactor.Counts),
                new CollectOptions(file, true, CollectOptions.DefaultMaxBytes, TimeSpan.Zero, CollectOptions.DefaultTimeout), FixedClock.Instant);
        }

        var archive = SnapshotArchiveReader.Read(file);
        AssertNowhere(archive, ["Z1D3ABCD", "5000c5006a1b2c3d", "storage01"]);

        var fromTree = CliRun.Of("--root", Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk"), "report", "--format", "json");
        var fromSnapshot = CliRun.Of("--snapshot", file, "report", "--format", "json");
        Assert.Equal(Links(fromTree.Out), Links(fromSnapshot.Out));
        Assert.Contains("disk.forced-readonly critical /data <- log.disk-media-error sdf", Links(fromSnapshot.Out));
        Assert.Contains("ATA ST1000DM003-1CH162  serial SERIAL", CliRun.Of("--snapshot", file, "devices").Out, StringComparison.Ordinal);
    }

    /// <summary>Each finding with what caused it: "id severity subject &lt;- cause-id cause-subject".</summary>
    private static string[] Links(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("checks").EnumerateArray().SelectMany(c => c.GetProperty("findings").EnumerateArray())
            .Select(f => $"{f.GetProperty("id").GetString()} {f.GetProperty("severity").GetString()} {f.GetProperty("subject").GetString()}"
                + (f.TryGetProperty("caused_by", out var cause) && cause.ValueKind == JsonValueKind.Object ? $" <- {cause.GetProperty("id").GetString()} {cause.GetProperty("subject").GetString()}" : ""))
            .Order(StringComparer.Ordinal).ToArray();
    }
}
