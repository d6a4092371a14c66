namespace HostDoc.Network;

/// <summary>What kind of NIC a driver drives, as far as the guest can tell.</summary>
public enum NicKind
{
    /// <summary>A driver this table does not know.</summary>
    Unknown,

    /// <summary>A paravirtual device: the guest and hypervisor share queues (virtio-net, vmxnet3, netvsc, xen-netfront).</summary>
    Paravirtual,

    /// <summary>A real NIC the hypervisor imitates register by register (e1000 in VirtualBox and QEMU, rtl8139, pcnet32): every register access traps.</summary>
    Emulated,

    /// <summary>A cloud provider's own virtual NIC, often SR-IOV backed (AWS ENA, Google gVNIC).</summary>
    CloudNative,

    /// <summary>A physical NIC (or an SR-IOV function of one).</summary>
    Physical,

    /// <summary>Software only: loopback, bridge, bond, veth, tun/tap, VLAN, tunnels, ifb.</summary>
    Software,
}

/// <summary>A NIC driver and what it means for the operator.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Meaning">One phrase: what this driver is.</param>
public sealed record NicDriver(NicKind Kind, string Meaning)
{
    private static readonly Dictionary<string, NicDriver> Known = new(StringComparer.Ordinal)
    {
        ["virtio_net"] = new(NicKind.Paravirtual, "virtio-net, paravirtual (KVM/QEMU, Firecracker, VirtualBox 'virtio')"),
        ["vmxnet3"] = new(NicKind.Paravirtual, "VMware vmxnet3, paravirtual"),
        ["hv_netvsc"] = new(NicKind.Paravirtual, "Hyper-V netvsc, paravirtual"),
        ["vif"] = new(NicKind.Paravirtual, "Xen netfront, paravirtual"),
        ["xen-netfront"] = new(NicKind.Paravirtual, "Xen netfront, paravirtual"),
        ["ena"] = new(NicKind.CloudNative, "AWS Elastic Network Adapter"),
        ["gve"] = new(NicKind.CloudNative, "Google Virtual NIC (gVNIC)"),
        ["e1000"] = new(NicKind.Emulated, "Intel PRO/1000 (82540EM): in a VM, the emulated NIC of VirtualBox, QEMU and VMware; every register access traps to the hypervisor"),
        ["e1000e"] = new(NicKind.Physical, "Intel PRO/1000 PCIe (82574L and later); QEMU's q35 machine emulates one"),
        ["8139cp"] = new(NicKind.Emulated, "Realtek RTL8139C+, in a VM QEMU's emulated NIC"),
        ["8139too"] = new(NicKind.Emulated, "Realtek RTL8139, in a VM QEMU's emulated NIC"),
        ["pcnet32"] = new(NicKind.Emulated, "AMD PCnet, VirtualBox's emulated PCnet-PCI II/FAST III"),
        ["ne2k-pci"] = new(NicKind.Emulated, "NE2000 PCI, QEMU's emulated NIC"),
        ["igb"] = new(NicKind.Physical, "Intel 82575/82576/I350/I210 gigabit"),
        ["igc"] = new(NicKind.Physical, "Intel I225/I226 2.5 gigabit"),
        ["ixgbe"] = new(NicKind.Physical, "Intel 82599/X540/X550 10 gigabit"),
        ["ixgbevf"] = new(NicKind.Physical, "Intel 10 gigabit SR-IOV virtual function"),
        ["iavf"] = new(NicKind.Physical, "Intel Ethernet adaptive virtual function (SR-IOV)"),
        ["i40e"] = new(NicKind.Physical, "Intel XL710/X710 10/25/40 gigabit"),
        ["ice"] = new(NicKind.Physical, "Intel E810 100 gigabit"),
        ["mlx4_en"] = new(NicKind.Physical, "Mellanox ConnectX-3"),
        ["mlx5_core"] = new(NicKind.Physical, "NVIDIA/Mellanox ConnectX-4 and later"),
        ["bnxt_en"] = new(NicKind.Physical, "Broadcom NetXtreme-C/E"),
        ["tg3"] = new(NicKind.Physical, "Broadcom Tigon3 gigabit"),
        ["bnx2"] = new(NicKind.Physical, "Broadcom NetXtreme II gigabit"),
        ["bnx2x"] = new(NicKind.Physical, "Broadcom NetXtreme II 10 gigabit"),
        ["r8169"] = new(NicKind.Physical, "Realtek RTL8169/8168/8111 gigabit"),
        ["sfc"] = new(NicKind.Physical, "Solarflare/AMD SFC"),
        ["qede"] = new(NicKind.Physical, "QLogic FastLinQ"),
        ["cxgb4"] = new(NicKind.Physical, "Chelsio T4/T5/T6"),
        ["atlantic"] = new(NicKind.Physical, "Aquantia AQtion"),
    };

    private static readonly (string Prefix, string Meaning)[] SoftwareNames =
    [
        ("lo", "loopback"), ("veth", "veth pair (containers)"), ("br", "bridge"), ("virbr", "libvirt bridge"), ("docker", "Docker bridge"),
        ("bond", "bonding"), ("team", "team"), ("tun", "tun device"), ("tap", "tap device"), ("vxlan", "VXLAN tunnel"), ("wg", "WireGuard"),
        ("ifb", "intermediate functional block (traffic shaping)"), ("dummy", "dummy"), ("gre", "GRE tunnel"), ("sit", "IPv6-in-IPv4 tunnel"),
        ("ip6tnl", "IPv6 tunnel"), ("tunl", "IPIP tunnel"), ("cni", "container network bridge"), ("flannel", "flannel overlay"), ("cali", "Calico veth"),
    ];

    /// <summary>What <paramref name="driver"/> (null for an interface on no device) means for the interface <paramref name="name"/>.</summary>
    public static NicDriver Of(string? driver, string name)
    {
        if (driver is not null)
        {
            return Known.TryGetValue(driver, out var known) ? known : new NicDriver(NicKind.Unknown, driver);
        }

        var software = SoftwareNames.FirstOrDefault(s => name.StartsWith(s.Prefix, StringComparison.Ordinal));
        return new NicDriver(NicKind.Software, software.Meaning ?? "virtual interface (no device)");
    }
}
