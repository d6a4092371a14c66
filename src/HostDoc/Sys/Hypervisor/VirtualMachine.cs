using HostDoc.Findings;

namespace HostDoc.Sys.Hypervisor;

/// <summary>
/// Whether this host is a virtual machine, and whose: /sys/hypervisor/type (Xen), the DMI vendor and product
/// (/sys/class/dmi/id), the paravirtual clocksource, and the <c>hypervisor</c> CPU flag (CPUID leaf 1 ECX bit 31, which
/// every hypervisor sets and bare metal never does).
/// </summary>
/// <param name="Hypervisor">The hypervisor's name when a source says it (KVM, VirtualBox, VMware, Hyper-V, Xen, …), or "a hypervisor".</param>
/// <param name="Evidence">What said so.</param>
public sealed record VirtualMachine(string Hypervisor, IReadOnlyList<Evidence> Evidence)
{
    private static readonly (string Needle, string Name)[] Vendors =
    [
        ("innotek", "VirtualBox"), ("VirtualBox", "VirtualBox"), ("VMware", "VMware"), ("QEMU", "QEMU/KVM"), ("KVM", "KVM"),
        ("Xen", "Xen"), ("Amazon EC2", "Amazon EC2 (Nitro/KVM)"), ("Google", "Google Compute Engine (KVM)"), ("Parallels", "Parallels"),
        ("OpenStack", "OpenStack (KVM)"), ("DigitalOcean", "DigitalOcean (KVM)"), ("bhyve", "bhyve"), ("Microsoft Corporation", "Hyper-V"),
    ];

    /// <summary>What this host is: a virtual machine, or null when no source says so (bare metal, or a tree without the files).</summary>
    public static VirtualMachine? Detect(HostRoot root)
    {
        var evidence = new List<Evidence>();
        string? name = null;
        if (root.ReadValue("/sys/hypervisor/type") is { Length: > 0 } type)
        {
            evidence.Add(new("hypervisor type", type, "/sys/hypervisor/type"));
            name = type == "xen" ? "Xen" : type;
        }

        foreach (var file in new[] { "sys_vendor", "product_name" })
        {
            if (root.ReadValue("/sys/class/dmi/id/" + file) is { Length: > 0 } value
                && Array.Find(Vendors, v => value.Contains(v.Needle, StringComparison.OrdinalIgnoreCase)) is { Name: not null } vendor
                && !(vendor.Needle == "Microsoft Corporation" && file == "sys_vendor" && root.ReadValue("/sys/class/dmi/id/product_name") is { } product && !product.Contains("Virtual", StringComparison.Ordinal)))
            {
                evidence.Add(new("DMI " + file, value, "/sys/class/dmi/id/" + file));
                name ??= vendor.Name;
            }
        }

        const string Clocks = "/sys/devices/system/clocksource/clocksource0/available_clocksource";
        var clock = (root.ReadValue(Clocks) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(c => c is "kvm-clock" or "xen" or "hyperv_clocksource_tsc_page" or "hyperv_clocksource_msr");
        if (clock is not null)
        {
            evidence.Add(new("paravirtual clocksource", clock, Clocks));
            name ??= clock == "kvm-clock" ? "KVM" : clock == "xen" ? "Xen" : "Hyper-V";
        }

        if (HasHypervisorFlag(root.ReadText("/proc/cpuinfo", 4 * 1024 * 1024).Value))
        {
            evidence.Add(new("CPU flag", "hypervisor", "/proc/cpuinfo flags"));
        }

        return evidence.Count == 0 ? null : new VirtualMachine(name ?? "a hypervisor", evidence);
    }

    /// <summary>True when the first flags line of cpuinfo has the word <c>hypervisor</c>.</summary>
    internal static bool HasHypervisorFlag(string? cpuinfo)
    {
        foreach (var line in (cpuinfo ?? "").AsSpan().EnumerateLines())
        {
            if (line.StartsWith("flags") && line.IndexOf(':') is var colon and > 0)
            {
                foreach (var range in line[(colon + 1)..].Split(' '))
                {
                    if (line[(colon + 1)..][range].SequenceEqual("hypervisor"))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    /// <summary>The sentence <c>cpus</c> and <c>affinity</c> print on a guest.</summary>
    public string CpuNote =>
        $"this is a virtual machine ({Hypervisor}): its CPUs are vCPUs, threads the host schedules on its physical CPUs where it likes unless they are pinned on the host; affinity set here has no effect on the host";
}
