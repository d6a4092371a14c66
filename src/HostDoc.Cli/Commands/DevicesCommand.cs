using HostDoc.Cli.CommandLine;
using HostDoc.Output;
using HostDoc.Proc;
using HostDoc.Storage;
using HostDoc.Sys.Block;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc devices [--format text|json] [NAME]</c>: the block-device tree, or the chain of one device.</summary>
internal static class DevicesCommand
{
    public static int Run(CliContext context, DevicesInvocation invocation)
    {
        var host = context.Host;
        var topology = new BlockTopology(BlockDeviceReader.ReadAll(host.Root), host.Mountinfo.Value?.Entries ?? [], Swaps.Read(host.Root));
        if (invocation.Name is { } name)
        {
            if (topology.Find(name) is not { } device)
            {
                context.Error.Write($"hostdoc devices: no block device is called {name} (names: sdX, sdX1, dm-N, vg-lv, MAJ:MIN, ataN, H:C:T:L, or a mount point)\n");
                return ExitCodes.SourceProblem;
            }

            // One line per path through the device: its ancestry down to it, then on to every leaf below it.
            foreach (var leaf in Leaves(topology, device))
            {
                var chain = topology.Ancestry(leaf);
                context.Out.Write(string.Join(" → ", chain.Select(d => d.Parent is null && d.Slaves.Count == 0
                    ? string.Join(" ", new[] { d.AtaPort, d.ScsiAddress, d.Name, d.Model, d.Serial }.Where(s => s is not null))
                    : d.DmName ?? d.Name)));
                var mounts = topology.MountPoints[leaf.Name];
                context.Out.Write(mounts.Count > 0 ? $" → {string.Join(", ", mounts)}\n" : "\n");
            }

            return ExitCodes.Ok;
        }

        if (invocation.Json)
        {
            DevicesWriter.WriteJson(context.Out, topology);
        }
        else
        {
            DevicesWriter.WriteText(context.Out, topology, context.Style);
        }

        return ExitCodes.Ok;
    }

    private static IEnumerable<HostDoc.Sys.Block.BlockDevice> Leaves(BlockTopology topology, HostDoc.Sys.Block.BlockDevice device)
    {
        var children = topology.Children(device).ToArray();
        return children.Length == 0 ? [device] : children.SelectMany(c => Leaves(topology, c));
    }
}
