using HostDoc.Cpus;
using HostDoc.Findings;
using HostDoc.Sys.Devices.System.Clocksource;
using HostDoc.Sys.Devices.System.Cpu;

namespace HostDoc.Checks;

/// <summary>The wording of the CPU, clock and cpuset findings.</summary>
internal static class CpusFindings
{
    public static Finding Offline(CpuStates s)
    {
        var offline = s.Offline ?? CpuList.Empty;
        var present = s.Present ?? CpuList.Empty;
        var presentOffline = offline.Intersect(present);
        return new Finding(
            "cpu.offline",
            presentOffline.IsEmpty ? Severity.Ok : Severity.Warning,
            "cpus",
            presentOffline.IsEmpty
                ? $"{s.Online?.Count ?? 0} CPUs online ({s.Online}), none of the present ones offline"
                : $"CPUs {presentOffline} are present but offline: {s.Online?.Count ?? 0} of {present.Count} CPUs in use",
            "A CPU that is present but offline takes no tasks and no interrupts. CPUs go offline by hand " +
            "(echo 0 > /sys/devices/system/cpu/cpuN/online), by maxcpus=/nosmp on the command line, or when the kernel takes " +
            "a failing CPU out; tasks pinned only to offline CPUs cannot run.",
            [
                new("online", s.Online?.ToString() ?? "?", "/sys/devices/system/cpu/online"),
                new("offline", offline.ToString(), "/sys/devices/system/cpu/offline"),
                new("present", present.ToString(), "/sys/devices/system/cpu/present"),
                new("possible", s.Possible?.ToString() ?? "?", "/sys/devices/system/cpu/possible"),
                new("isolated", s.Isolated?.ToString() ?? "", "/sys/devices/system/cpu/isolated"),
            ],
            presentOffline.IsEmpty ? "" : "Bring them back with echo 1 > /sys/devices/system/cpu/cpuN/online, or find why they were taken out (kernel log, maxcpus=).");
    }

    public static Finding? Clock(HostModel host, Clocksource clock)
    {
        if (clock.Current is null)
        {
            return null;
        }

        var cmdline = host.Root.ReadText("/proc/cmdline", 64 * 1024).Value ?? "";
        var x86 = clock.Available.Any(a => a is "tsc" or "hpet" or "acpi_pm" or "kvm-clock" or "xen" or "hyperv_clocksource_tsc_page");
        var tscDropped = x86 && !clock.Available.Contains("tsc");
        var notTsc = x86 && clock.Current is not ("tsc" or "kvm-clock" or "xen" or "hyperv_clocksource_tsc_page");
        var severity = tscDropped || notTsc ? Severity.Warning : Severity.Ok;
        return new Finding(
            "clock.tsc-unstable",
            severity,
            "clocksource",
            severity == Severity.Ok
                ? $"clocksource {clock.Current} (available: {string.Join(' ', clock.Available)})"
                : tscDropped
                    ? $"the TSC is not among the usable clocksources (the kernel marked it unstable); timekeeping uses {clock.Current}"
                    : $"timekeeping uses {clock.Current}, not the TSC",
            "Reading the time (gettimeofday, clock_gettime) through the TSC costs nanoseconds in user space (vDSO); hpet and " +
            "acpi_pm need an I/O access and a system call, often a microsecond or more, which shows in every timestamp-heavy " +
            "program. The kernel drops the TSC when its watchdog sees it drift against another clock (\"Marking TSC unstable\" " +
            "in the kernel log) — CPU frequency changes on old CPUs, or a VM migrated between hosts.",
            [
                new("current", clock.Current, "/sys/devices/system/clocksource/clocksource0/current_clocksource"),
                new("available", string.Join(' ', clock.Available), "/sys/devices/system/clocksource/clocksource0/available_clocksource"),
                new("clock options", string.Join(' ', cmdline.Split(' ').Where(f => f.StartsWith("clocksource=", StringComparison.Ordinal) || f.StartsWith("tsc=", StringComparison.Ordinal))), "/proc/cmdline"),
            ],
            severity == Severity.Ok ? "" : "Check the kernel log for \"Marking TSC unstable\"; on hosts with a constant, invariant TSC tsc=reliable keeps it; in VMs prefer the hypervisor's clock (kvm-clock).");
    }

    public static Finding EmptyCpuset(CpusetHierarchy h, CpusetNode node)
    {
        var what = node.Cpus is { IsEmpty: true } ? (node.Mems is { IsEmpty: true } ? "cpus and mems" : "cpus") : "mems";
        var parent = h.MountPoint + ParentPath(node.Path);
        return new Finding(
            "cpuset.empty",
            node.Tasks > 0 ? Severity.Warning : Severity.Info,
            h.MountPoint + node.Path,
            $"cpuset {h.MountPoint + node.Path} has empty {what}: no task can be moved into it",
            "A cgroup v1 cpuset starts with empty cpuset.cpus and cpuset.mems. Until both are set, writing a PID to its " +
            "tasks file fails with ENOSPC (\"No space left on device\"), which looks like a full disk but means \"this cpuset " +
            "has nowhere to run\".",
            [new("cpuset.cpus", node.Cpus?.ToString() ?? "?", "cpuset.cpus"), new("cpuset.mems", node.Mems?.ToString() ?? "?", "cpuset.mems"), new("tasks", node.Tasks.ToString(System.Globalization.CultureInfo.InvariantCulture), "tasks")],
            $"Copy the parent's lists first: cat {parent}/cpuset.cpus > {h.MountPoint + node.Path}/cpuset.cpus; cat {parent}/cpuset.mems > {h.MountPoint + node.Path}/cpuset.mems");
    }

    public static Finding OfflineOnly(CpusetHierarchy h, CpusetNode node, CpuList online) => new(
        "cpuset.offline-only",
        Severity.Critical,
        h.MountPoint + node.Path,
        $"{node.Tasks} task(s) in cpuset {h.MountPoint + node.Path} may run only on CPUs {node.EffectiveCpus ?? node.Cpus}, none of them online",
        "Tasks confined to CPUs that are all offline cannot be scheduled; the kernel normally widens such a cpuset to its " +
        "parent's CPUs, so seeing it means the hierarchy is configured against the online CPUs.",
        [new("cpus", (node.EffectiveCpus ?? node.Cpus)?.ToString() ?? "?", "cpuset"), new("online", online.ToString(), "/sys/devices/system/cpu/online")],
        "Put online CPUs in its cpuset.cpus, or bring the CPUs back online.");

    private static string ParentPath(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "" : path[..slash];
    }
}
