using System.Diagnostics;
using HostDoc.Checks;
using HostDoc.Findings;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class CpusCheckTests
{
    private const string V1 = "/sys/fs/cgroup/cpuset";

    [Fact]
    public void A_new_v1_cpuset_refuses_tasks_until_its_lists_are_copied_from_the_parent()
    {
        Assert.True(Directory.Exists(V1), "this test needs the cgroup v1 cpuset hierarchy at " + V1);
        var dir = $"{V1}/hostdoc-test-{Guid.NewGuid():N}";
        Directory.CreateDirectory(dir);
        using var child = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        try
        {
            var empty = Check().Findings.Single(f => f.Id == "cpuset.empty" && f.Subject == dir);
            Assert.Contains("has empty cpus and mems", empty.Summary, StringComparison.Ordinal);

            // What the finding says the kernel does: ENOSPC on an empty cpuset.
            var refused = Assert.Throws<IOException>(() => File.WriteAllText($"{dir}/tasks", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains("No space left on device", refused.Message, StringComparison.Ordinal);

            // Its advice, carried out: copy the parent's lists, and the task goes in.
            File.WriteAllText($"{dir}/cpuset.cpus", File.ReadAllText($"{V1}/cpuset.cpus"));
            File.WriteAllText($"{dir}/cpuset.mems", File.ReadAllText($"{V1}/cpuset.mems"));
            File.WriteAllText($"{dir}/tasks", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(Check().Findings, f => f.Subject == dir);
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
            for (var i = 0; i < 50 && Directory.Exists(dir); i++)
            {
                try
                {
                    Directory.Delete(dir);
                }
                catch (IOException)
                {
                    Thread.Sleep(100);   // the killed task leaves the cgroup a moment later
                }
            }
        }
    }

    [Fact]
    public void A_v2_tree_with_tasks_confined_to_an_offline_cpu_is_critical()
    {
        using var tree = new TempTree();
        tree.Write("/proc/self/mountinfo", "30 1 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n");
        tree.Write("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        tree.Write("/sys/fs/cgroup/cgroup.procs", "1\n2\n");
        tree.Write("/sys/fs/cgroup/cpuset.cpus.effective", "0-3\n");
        tree.Write("/sys/fs/cgroup/app.slice/cgroup.procs", "1234\n1240\n");
        tree.Write("/sys/fs/cgroup/app.slice/cpuset.cpus", "3\n");
        tree.Write("/sys/fs/cgroup/app.slice/cpuset.cpus.effective", "3\n");
        tree.Write("/sys/fs/cgroup/app.slice/cpuset.cpus.partition", "member\n");
        tree.Write("/sys/devices/system/cpu/online", "0-2\n");
        tree.Write("/sys/devices/system/cpu/offline", "3\n");
        tree.Write("/sys/devices/system/cpu/present", "0-3\n");
        var result = Fixtures.RunOn(tree.Root, "cpus");
        Assert.Equal(Severity.Warning, result.Findings.Single(f => f.Id == "cpu.offline").Severity);
        var confined = result.Findings.Single(f => f.Id == "cpuset.offline-only");
        Assert.Equal(Severity.Critical, confined.Severity);
        Assert.Equal("/sys/fs/cgroup/app.slice", confined.Subject);
        Assert.StartsWith("2 task(s) in cpuset /sys/fs/cgroup/app.slice may run only on CPUs 3", confined.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeds_old_cgroup_mount_with_an_empty_child_cpuset()
    {
        // The seed's CentOS 6 layout: the cpuset hierarchy mounted at /cgroup, a child "app" made with mkdir.
        using var tree = new TempTree();
        tree.Write("/proc/self/mountinfo", "20 1 0:17 / /cgroup rw,relatime - cgroup none rw,cpuset\n");
        tree.Write("/cgroup/tasks", "1\n2\n3\n");
        tree.Write("/cgroup/cpuset.cpus", "0-3\n");
        tree.Write("/cgroup/cpuset.mems", "0\n");
        tree.Write("/cgroup/cpuset.cpu_exclusive", "1\n");
        tree.Write("/cgroup/app/tasks", "");
        tree.Write("/cgroup/app/cpuset.cpus", "\n");
        tree.Write("/cgroup/app/cpuset.mems", "\n");
        tree.Write("/cgroup/app/cpuset.cpu_exclusive", "0\n");
        tree.Write("/sys/devices/system/cpu/online", "0-3\n");
        var result = Fixtures.RunOn(tree.Root, "cpus");
        var empty = result.Findings.Single(f => f.Id == "cpuset.empty");
        Assert.Equal("/cgroup/app", empty.Subject);
        Assert.Equal("cat /cgroup/cpuset.cpus > /cgroup/app/cpuset.cpus; cat /cgroup/cpuset.mems > /cgroup/app/cpuset.mems", empty.Advice[(empty.Advice.IndexOf("cat", StringComparison.Ordinal))..]);

        var run = HostDoc.Tests.Cli.CliRun.Of("--root", tree.Dir, "cpuset");
        Assert.Equal("/cgroup (cgroup v1)\n/  cpus 0-3  mems 0 [cpu_exclusive]  tasks 3\n  app  cpus (empty)  mems (empty)  tasks 0\n", run.Out);
    }

    [Fact]
    public void A_tsc_dropped_as_unstable_is_a_warning()
    {
        using var tree = new TempTree();
        tree.Write("/sys/devices/system/clocksource/clocksource0/current_clocksource", "hpet\n");
        tree.Write("/sys/devices/system/clocksource/clocksource0/available_clocksource", "hpet acpi_pm \n");
        tree.Write("/sys/devices/system/cpu/online", "0-3\n");
        var result = Fixtures.RunOn(tree.Root, "cpus");
        var clock = result.Findings.Single(f => f.Id == "clock.tsc-unstable");
        Assert.Equal(Severity.Warning, clock.Severity);
        Assert.Contains("marked it unstable", clock.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void This_host_is_fine()
    {
        var result = new CheckCatalog().Find("cpus")!.Run(new HostModel(HostRoot.Live, TimeProvider.System), CheckSettings.Defaults);
        Assert.Equal(Severity.Ok, result.Findings.Single(f => f.Id == "clock.tsc-unstable").Severity);
        Assert.Equal(Severity.Ok, result.Findings.Single(f => f.Id == "cpu.offline").Severity);
    }

    private static CheckResult Check() =>
        new CheckCatalog().Find("cpus")!.Run(new HostModel(HostRoot.Live, TimeProvider.System), CheckSettings.Defaults);
}
