using HostDoc.Cli.CommandLine;
using HostDoc.Cpus;
using HostDoc.Sys.Devices.System.Cpu;

namespace HostDoc.Cli.Commands;

/// <summary>
/// <c>hostdoc affinity PID</c> shows where each thread may run; <c>hostdoc affinity set PID LIST</c>
/// changes it (the one command that writes), saying exactly what it changed. Exit 0 done, 1 a thread
/// could not be changed or the process is gone, 2 usage.
/// </summary>
internal static class AffinityCommand
{
    public static int Run(CliContext context, AffinityInvocation invocation)
    {
        var root = context.Host.Root;
        var before = ProcessAffinity.Read(root, invocation.Pid);
        if (before.Value is not { } process)
        {
            context.Error.Write($"hostdoc affinity: process {invocation.Pid}: no such process\n");
            return ExitCodes.SourceProblem;
        }

        if (invocation.Cpus is not { } target)
        {
            Show(context, process);
            return ExitCodes.Ok;
        }

        if (!root.IsLive)
        {
            context.Error.Write("hostdoc affinity set: only on the live host, not on a captured tree (--root)\n");
            return ExitCodes.Usage;
        }

        var online = CpuStates.Read(root).Online ?? CpuList.Of(Enumerable.Range(0, Environment.ProcessorCount));
        var failures = 0;
        foreach (var thread in process.Threads)
        {
            var error = AffinitySetter.Set(thread.Tid, target, online);
            if (error is null)
            {
                context.Out.Write($"thread {thread.Tid} ({thread.Name}): CPUs {thread.Cpus?.ToString() ?? "?"} -> {target}\n");
            }
            else
            {
                failures++;
                context.Error.Write($"hostdoc affinity set: {error}\n");
            }
        }

        GuestNote(context);
        return failures == 0 ? ExitCodes.Ok : ExitCodes.SourceProblem;
    }

    /// <summary>On a virtual machine, says that the CPUs shown are vCPUs (the notebook's busy loop pinned in a guest).</summary>
    private static void GuestNote(CliContext context)
    {
        if (HostDoc.Sys.Hypervisor.VirtualMachine.Detect(context.Host.Root) is { } vm)
        {
            context.Out.Write($"note: {vm.CpuNote} (hostdoc explain affinity)\n");
        }
    }

    private static void Show(CliContext context, ProcessAffinity process)
    {
        context.Out.Write($"{context.Style.Bold($"process {process.Pid}")}: {process.Threads.Count} thread{(process.Threads.Count == 1 ? "" : "s")}\n");
        foreach (var thread in process.Threads)
        {
            context.Out.Write($"  {thread.Tid,7} {thread.Name,-16} CPUs {thread.Cpus?.ToString() ?? "?",-12} memory nodes {thread.Mems?.ToString() ?? "?"}\n");
        }

        GuestNote(context);
    }
}
