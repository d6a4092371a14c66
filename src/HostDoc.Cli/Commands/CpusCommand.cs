using HostDoc.Cli.CommandLine;
using HostDoc.Cpus;
using HostDoc.Output;
using HostDoc.Sys.Devices.System.Clocksource;
using HostDoc.Sys.Devices.System.Cpu;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc cpus</c> and <c>hostdoc cpuset [PATH]</c>.</summary>
internal static class CpusCommand
{
    public static int Cpus(CliContext context)
    {
        CpusWriter.WriteCpus(context.Out, context.Host.Root, CpuStates.Read(context.Host.Root), Clocksource.Read(context.Host.Root), context.Style);
        return ExitCodes.Ok;
    }

    public static int Cpuset(CliContext context, CpusetInvocation invocation)
    {
        if (context.Host.Mountinfo.Value is not { } mounts)
        {
            context.Error.Write($"hostdoc cpuset: {context.Host.Mountinfo.Problems[0]}\n");
            return ExitCodes.SourceProblem;
        }

        CpusWriter.WriteCpusets(context.Out, CpusetHierarchy.ReadAll(context.Host.Root, mounts), invocation.Path, context.Style);
        return ExitCodes.Ok;
    }
}
