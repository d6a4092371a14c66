using HostDoc.Cli.CommandLine;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc mem</c>: free's block, computed as procps does, then what it is made of and the writeback limits.</summary>
internal static class MemCommand
{
    public static int Run(CliContext context, MemInvocation invocation)
    {
        var host = context.Host;
        var free = host.Free;
        if (free.Value is not { } summary || host.Meminfo.Value is not { } info)
        {
            context.ReportProblems("mem", free.Problems);
            return ExitCodes.SourceProblem;
        }

        FreeTableWriter.Write(context.Out, summary, invocation.Unit);
        MemoryBreakdownWriter.WriteBreakdown(context.Out, info, summary, context.Style);
        var writeback = host.Writeback;
        if (writeback.Value is { } wb)
        {
            MemoryBreakdownWriter.WriteWriteback(context.Out, wb, context.Style);
        }

        return context.ReportProblems("mem", free.Problems.Concat(writeback.Problems));
    }
}
