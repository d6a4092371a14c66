using HostDoc.Cli.CommandLine;
using HostDoc.Output;
using HostDoc.Storage;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc iostat</c>: per-device latency and load, the figures of <c>iostat -x</c>.</summary>
internal static class IostatCommand
{
    public static int Run(CliContext context, IostatInvocation invocation)
    {
        var topology = context.Host.Topology;
        var labels = topology.Devices.Where(d => d.DmName is not null).ToDictionary(d => d.Name, d => d.DmName!, StringComparer.Ordinal);
        // iostat -x without -p shows whole devices (those in /sys/block); without sysfs a partition is told by its name.
        var whole = topology.Devices.Where(d => d.Parent is null).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        bool Whole(string name) => topology.Devices.Count > 0 ? whole.Contains(name) : !HostDoc.Sources.PartitionName.Is(name, null);
        var meter = new DiskActivityMeter(context.Host.Root, Thread.Sleep);
        var problems = new List<HostDoc.Sources.SourceProblem>();
        var first = true;
        foreach (var measured in meter.Watch(TimeSpan.FromSeconds(invocation.IntervalSeconds), invocation.Count, invocation.SinceBoot))
        {
            problems.AddRange(measured.Problems);
            if (measured.Value is not { } report)
            {
                break;
            }

            if (!invocation.Partitions)
            {
                report = report with { Devices = report.Devices.Where(d => Whole(d.Name)).ToArray() };
            }

            if (invocation.Json)
            {
                DiskActivityWriter.WriteJson(context.Out, report, labels, indented: invocation.Count == 1);
            }
            else
            {
                if (!first)
                {
                    context.Out.Write('\n');
                }

                DiskActivityWriter.Write(context.Out, report, labels, context.Style);
            }

            context.Out.Flush();
            first = false;
        }

        return context.ReportProblems("iostat", problems);
    }
}
