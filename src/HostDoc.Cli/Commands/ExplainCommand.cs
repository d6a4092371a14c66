using System.Globalization;
using HostDoc.Cli.CommandLine;
using HostDoc.Explain;
using HostDoc.Explain.Probes;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary>
/// <c>hostdoc explain</c>: an errno for a system call with what holds here, rsync's exit codes and lines, CPU affinity
/// in a guest. Exit 0 done, 1 when a probe could not read what it needed, 2 usage (an errno or code that is none).
/// </summary>
internal static class ExplainCommand
{
    public static int Run(CliContext context, ExplainInvocation invocation)
    {
        var knowledge = new KnowledgeBase();
        var errnos = ErrnoTable.Embedded();
        switch (invocation.Topic)
        {
            case "--list":
                ExplainWriter.WriteList(context.Out, knowledge, errnos);
                return ExitCodes.Ok;
            case "rsync":
                return Rsync(context, invocation, knowledge);
            case "affinity" or "vcpu":
                ExplainWriter.WriteGuest(context.Out, knowledge.Find("guest-cpus", "vcpu", "affinity")!, HostDoc.Sys.Hypervisor.VirtualMachine.Detect(context.Host.Root), context.Style);
                return ExitCodes.Ok;
        }

        if (errnos.Find(invocation.Topic) is not { } code)
        {
            context.Error.Write($"hostdoc explain: \"{invocation.Topic}\" is not an errno name or number (EEXIST, 17), rsync or affinity\n");
            return ExitCodes.Usage;
        }

        var request = new ExplainRequest(code.Name, invocation.Path, invocation.Pid, invocation.Syscall is { } s ? ErrnoExplanation.NormalizeCall(s) : null, invocation.Size);
        var explanation = ErrnoExplanation.Make(code, request, knowledge, context.Host);
        ExplainWriter.WriteErrno(context.Out, explanation, context.Style);
        return explanation.Undecided ? ExitCodes.SourceProblem : ExitCodes.Ok;
    }

    private static int Rsync(CliContext context, ExplainInvocation invocation, KnowledgeBase knowledge)
    {
        int? code = null;
        if (invocation.Path is { } given)
        {
            if (!int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || knowledge.Find(RsyncExplanation.Topic, $"rsync-{c}", "*") is null)
            {
                context.Error.Write($"hostdoc explain rsync: \"{given}\" is not one of rsync's exit codes (0-5, 10-16, 19-25, 30, 35, 124-127)\n");
                return ExitCodes.Usage;
            }

            code = c;
        }

        var lines = invocation.Messages.Select(m => RsyncLine.Parse(m) ?? new RsyncLine(RsyncLineKind.Message, m)).ToArray();
        ExplainWriter.WriteRsync(context.Out, RsyncExplanation.Make(code, lines, knowledge), context.Style);
        return ExitCodes.Ok;
    }
}
