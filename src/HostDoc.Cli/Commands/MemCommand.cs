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
            foreach (var problem in free.Problems)
            {
                context.Error.Write($"hostdoc mem: {problem}\n");
            }

            return ExitCodes.SourceProblem;
        }

        FreeTableWriter.Write(context.Out, summary, invocation.Unit);
        MemoryBreakdownWriter.WriteBreakdown(context.Out, info, summary, context.Style);
        var writeback = host.Writeback;
        if (writeback.Value is { } wb)
        {
            MemoryBreakdownWriter.WriteWriteback(context.Out, wb, context.Style);
        }

        var problems = free.Problems.Concat(writeback.Problems).Distinct().ToArray();
        foreach (var problem in problems)
        {
            context.Error.Write($"hostdoc mem: {problem}\n");
        }

        return problems.Length == 0 ? ExitCodes.Ok : ExitCodes.SourceProblem;
    }
}
