using HostDoc.Cli.CommandLine;
using HostDoc.Cpus;
using HostDoc.Output;
using HostDoc.Proc;
using HostDoc.Proc.Irq;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc irq [--interval S]</c>: interrupts per irq and CPU, totals or rates.</summary>
internal static class IrqCommand
{
    public static int Run(CliContext context, IrqInvocation invocation)
    {
        var root = context.Host.Root;
        var first = Interrupts.Read(root);
        if (first.Value is not { } before)
        {
            context.Error.Write($"hostdoc irq: {first.Problems[0]}\n");
            return ExitCodes.SourceProblem;
        }

        InterruptDelta? delta = null;
        var shown = before;
        if (invocation.IntervalSeconds is { } seconds && root.IsLive)
        {
            var started = context.Host.Clock.GetTimestamp();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            var second = Interrupts.Read(root);
            if (second.Value is { } after)
            {
                delta = new InterruptDelta(before, after, context.Host.Clock.GetElapsedTime(started).TotalSeconds);
                shown = after;
            }
        }

        IrqWriter.Write(context.Out, shown, delta, irq => IrqAffinity.Read(root, irq), Softirqs.Read(root).Value, KernelStat.Read(root).Value, context.Style);
        return context.ReportProblems("irq", first.Problems);
    }
}
