using HostDoc.Checks;
using HostDoc.Etc.Nss;
using HostDoc.Findings;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Etc;

/// <summary>The environment findings on the vagrant-vboxsf tree, and NSS groups against getent on this host.</summary>
public sealed class EnvCheckTests
{
    [Fact]
    public void The_vagrant_tree_gives_nginx_on_vboxsf_the_large_groups_nscd_and_debugfs()
    {
        var result = new EnvCheck().Run(new HostModel(HostRoot.At(Fixtures.Dir("vagrant-vboxsf")), TimeProvider.System), CheckSettings.Defaults);
        var warnings = result.Findings.Where(f => f.Id == "fs.shared-folder-sendfile" && f.Severity == Severity.Warning).Select(f => f.Subject).Order().ToArray();
        Assert.Equal(["/vagrant/build/assets", "/vagrant/public"], warnings);
        Assert.Contains(result.Findings, f => f is { Id: "fs.shared-folder-sendfile", Severity: Severity.Ok, Subject: "apache" });
        var groups = result.Findings.Where(f => f.Id == "nss.group-too-large").ToDictionary(f => f.Subject, f => f.Severity);
        Assert.Equal(Severity.Warning, groups["group developers"]);
        Assert.Equal(Severity.Info, groups["group ops"]);
        Assert.Equal(2, groups.Count);
        Assert.Contains(result.Findings, f => f.Id == "nss.nscd-group-cache" && f.Explanation.Contains("persistent", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f is { Id: "fs.debugfs-mounted", Subject: "/sys/kernel/debug" });
    }

    [Fact]
    public void The_report_tells_the_nginx_file_and_line()
    {
        var run = CliRun.Of("--root", Fixtures.Dir("vagrant-vboxsf"), "check", "env", "-v");
        Assert.Equal(1, run.Code);
        Assert.Contains("nginx serves /vagrant/public from a vboxsf shared folder (/vagrant) with sendfile on", run.Out);
        Assert.Contains("sendfile off;", run.Out);
    }

    [Fact]
    public void Group_lines_and_their_buffers()
    {
        var groups = GroupEntry.Parse("root:x:0:\n+nisgroup\nbad line\nwheel:x:10:a,b,,c\nnogid:x::a\n", "/etc/group");
        Assert.Equal(["root", "wheel"], groups.Select(g => g.Name));
        Assert.Equal(3, groups[1].Members);
        Assert.Equal("/etc/group:4", groups[1].Source);
        Assert.Equal(groups[1].LineBytes + 1 + 7 + 4 * 8, groups[1].BufferNeeded);
    }

    /// <summary>The live enumeration (getgrent_r through every NSS module) agrees with getent group on this host.</summary>
    [Fact]
    public void Live_groups_are_getents()
    {
        var start = new System.Diagnostics.ProcessStartInfo(DebianOracle.Require("getent", "libc-bin"), ["group"]) { RedirectStandardOutput = true };
        using var getent = System.Diagnostics.Process.Start(start)!;
        var expected = GroupEntry.Parse(getent.StandardOutput.ReadToEnd(), "getent").Select(g => (g.Name, g.Gid, g.Members, g.LineBytes)).ToArray();
        getent.WaitForExit();

        var live = LiveGroups.Enumerate(TimeSpan.FromSeconds(10), out var problem);
        Assert.Null(problem);
        Assert.Equal(expected, live!.Select(g => (g.Name, g.Gid, g.Members, g.LineBytes)));
    }

    /// <summary>A huge group in a private copy of /etc/group (bind-mounted over it in a mount namespace of the test's own; the host's file is never written), seen by the live check.</summary>
    [Fact]
    public void A_huge_group_added_to_a_private_copy_is_reported_live()
    {
        const string script = """
            set -u
            copy=$(mktemp /tmp/hostdoc-group-test.XXXXXX)
            cp /etc/group "$copy"
            echo "hostdoc-huge:x:64999:$(seq -f 'member%05g' -s, 1 900)" >> "$copy"
            mount --bind "$copy" /etc/group
            getent group hostdoc-huge | wc -c
            dotnet "$CLI" check env -v
            umount /etc/group; rm -f "$copy"
            """;
        var (output, _) = PrivateNamespace.Run(script);
        Assert.Contains("group hostdoc-huge (64999) has 900 members", output);
        Assert.Contains("nss.group-too-large", output);
    }
}
