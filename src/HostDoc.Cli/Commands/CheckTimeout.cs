using HostDoc.Cli.CommandLine;
using HostDoc.Findings;

namespace HostDoc.Cli.Commands;

/// <summary>
/// Runs a check under its <c>-t</c> limit, as the plugin guidelines ask (check_disk parses -t and
/// never enforces it). The check writes into a buffer; whichever finishes first, the check or the
/// timer, decides what reaches standard output, so a late answer never mixes with the UNKNOWN line.
/// </summary>
internal static class CheckTimeout
{
    public static int Run(CliContext context, CheckInvocation invocation)
    {
        var buffer = new StringWriter();
        var done = 0;
        using var timer = new Timer(_ =>
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                context.Out.Write($"{invocation.Check.ToUpperInvariant()} UNKNOWN - no answer within {invocation.TimeoutSeconds} s (-t)\n");
                context.Out.Flush();
                Environment.Exit(Severity.Unknown.ExitCode());
            }
        }, null, TimeSpan.FromSeconds(invocation.TimeoutSeconds), Timeout.InfiniteTimeSpan);

        var code = CheckCommand.Run(context with { Out = buffer }, invocation);
        if (Interlocked.Exchange(ref done, 1) == 0)
        {
            context.Out.Write(buffer.ToString());
        }

        return code;
    }
}
