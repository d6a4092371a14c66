using HostDoc.Cli.CommandLine;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc stuck [--samples N] [--interval S]</c>: who is in D state, where in the kernel, and why.</summary>
internal static class StuckCommand
{
    public static int Run(CliContext context, StuckInvocation invocation)
    {
        var survey = context.Host.Stuck(invocation.Samples, TimeSpan.FromSeconds(invocation.IntervalSeconds));
        StuckWriter.Write(context.Out, survey, context.Style);
        return context.ReportProblems("stuck", survey.Problems);
    }
}
