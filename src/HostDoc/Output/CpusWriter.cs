using HostDoc.Cpus;
using HostDoc.Sys.Devices.System.Clocksource;
using HostDoc.Sys.Devices.System.Cpu;

namespace HostDoc.Output;

/// <summary><c>hostdoc cpus</c> and <c>hostdoc cpuset</c>: CPU states, topology, clock, and cpuset trees.</summary>
public static class CpusWriter
{
    /// <summary>Writes CPU states, per-CPU topology, clocksource and the boot options that change them.</summary>
    public static void WriteCpus(TextWriter writer, HostRoot root, CpuStates states, Clocksource clock, TextStyle style)
    {
        writer.Write($"{style.Bold("CPUs")}: online {states.Online}, offline {(states.Offline is { IsEmpty: false } o ? o.ToString() : "none")}, " +
                     $"present {states.Present}, possible {states.Possible}, isolated {(states.Isolated is { IsEmpty: false } i ? i.ToString() : "none")}\n");
        var model = root.ReadText("/proc/cpuinfo", 4 * 1024 * 1024).Value?.Split('\n')
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        if (model is not null)
        {
            writer.Write($"model: {model}\n");
        }

        writer.Write("\n  CPU  package  core  thread siblings  online\n");
        foreach (var cpu in (states.Possible ?? states.Online ?? CpuList.Empty).Cpus)
        {
            var dir = $"/sys/devices/system/cpu/cpu{cpu}/topology/";
            string Read(string name) => root.ReadValue(dir + name) ?? "-";
            writer.Write($"  {cpu,3}  {Read("physical_package_id"),7}  {Read("core_id"),4}  {Read("thread_siblings_list"),-15}  {(states.Online?.Contains(cpu) == true ? "yes" : "no")}\n");
        }

        writer.Write($"\nclocksource: {clock.Current ?? "?"} (available: {string.Join(' ', clock.Available)})\n");
        var cmdline = root.ReadText("/proc/cmdline", 64 * 1024).Value ?? "";
        var flags = cmdline.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(f => f is "nosmp" or "noapic" or "nolapic" || f.Split('=')[0] is "tsc" or "clocksource" or "maxcpus" or "isolcpus" or "nohz_full" or "irqaffinity" or "nr_cpus")
            .ToArray();
        writer.Write($"boot options affecting CPUs: {(flags.Length == 0 ? "none" : string.Join(' ', flags))}\n");
        if (Sys.Hypervisor.VirtualMachine.Detect(root) is { } vm)
        {
            writer.Write($"\n{style.Bold("virtual machine")}: {vm.CpuNote}\n");
            foreach (var e in vm.Evidence)
            {
                writer.Write($"  {e.Label}: {e.Value} ({e.Source})\n");
            }
        }
    }

    /// <summary>Writes each cpuset hierarchy as a tree (optionally only the subtree at <paramref name="path"/>).</summary>
    public static void WriteCpusets(TextWriter writer, IReadOnlyList<CpusetHierarchy> hierarchies, string? path, TextStyle style)
    {
        if (hierarchies.Count == 0)
        {
            writer.Write("no cpuset hierarchy is mounted (cgroup v1 with the cpuset controller, or cgroup v2)\n");
            return;
        }

        foreach (var h in hierarchies)
        {
            var top = path is null ? h.Top : h.Top.All.FirstOrDefault(n => n.Path == path || h.MountPoint + n.Path == path);
            if (top is null)
            {
                continue;
            }

            writer.Write($"{style.Bold(h.MountPoint)} (cgroup v{h.Version})\n");
            Write(writer, top, 0);
        }
    }

    private static void Write(TextWriter writer, CpusetNode node, int depth)
    {
        var name = depth == 0 ? node.Path : node.Path[(node.Path.LastIndexOf('/') + 1)..];
        var cpus = node.Cpus is { IsEmpty: false } c ? c.ToString() : node.Cpus is null ? "?" : "(empty)";
        var mems = node.Mems is { IsEmpty: false } m ? m.ToString() : node.Mems is null ? "?" : "(empty)";
        var effective = node.EffectiveCpus is { } e && e != node.Cpus ? $" effective {e}" : "";
        var exclusive = node.Exclusive is null ? "" : $" [{node.Exclusive}]";
        writer.Write($"{new string(' ', depth * 2)}{name}  cpus {cpus}{effective}  mems {mems}{exclusive}  tasks {node.Tasks}\n");
        foreach (var child in node.Children)
        {
            Write(writer, child, depth + 1);
        }
    }
}
