using HostDoc.Cli.CommandLine;
using HostDoc.Output;
using HostDoc.Proc;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc devices [--format text|json] [NAME]</c>: the block-device tree, or the chain of one device.</summary>
internal static class DevicesCommand
{
    public static int Run(CliContext context, DevicesInvocation invocation)
    {
        var host = context.Host;
        var topology = host.Topology;
        if (topology.Devices.Count == 0 && invocation.Name is null && Partitions.Read(host.Root) is { Count: > 0 } partitions)
        {
            // No sysfs (a container, a tree that captured only /proc): the kernel's own list, names and sizes.
            DevicesWriter.WritePartitions(context.Out, partitions, invocation.Json);
            return ExitCodes.Ok;
        }

        if (invocation.Name is { } name)
        {
            if (topology.Find(name) is not { } device)
            {
                context.Error.Write($"hostdoc devices: no block device is called {name} (names: sdX, sdX1, dm-N, vg-lv, MAJ:MIN, ataN, H:C:T:L, or a mount point)\n");
                return ExitCodes.SourceProblem;
            }

            DevicesWriter.WriteChains(context.Out, topology, device);
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
}
