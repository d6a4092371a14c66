using HostDoc.Cli.CommandLine;
using HostDoc.Findings;

namespace HostDoc.Cli.Commands;

/// <summary>
/// Runs a check under its <c>-t</c> limit, as the plugin guidelines ask (check_disk parses -t and
/// never enforces it). The check writes into a buffer; whichever finishes first, the check or the
/// timer, decides what reaches standard output, so a late answer never mixes with the UNKNOWN line.
/// </summary>
/// <remarks>
/// The watchdog is a timer thread, and starting it costs about 0.9 ms, a fifth of the whole run
/// (bench/startup-vs-free.sh). It is armed only when something can block: a check that says it
/// can (<see cref="Checks.ICheck.CanBlock"/>), or a captured tree, which may sit on a network
/// filesystem. Kernel counters on the live host answer at once and run without it.
/// </remarks>
internal static class CheckTimeout
{
    public static int Run(CliContext context, CheckInvocation invocation)
    {
        var check = context.Catalog.Find(invocation.Check)!;
        return Run(context, invocation.Check, invocation.TimeoutSeconds, check.CanBlock, output => CheckCommand.Run(context with { Out = output }, invocation));
    }

    /// <summary>Runs <paramref name="body"/>, which writes to the writer it is given, under a <paramref name="seconds"/> limit.</summary>
    public static int Run(CliContext context, string service, int seconds, bool canBlock, Func<TextWriter, int> body)
    {
        if (!canBlock && context.Host.Root.IsLive)
        {
            return body(context.Out);
        }

        var buffer = new StringWriter();
        var done = 0;
        using var timer = new Timer(_ =>
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                context.Out.Write($"{service.ToUpperInvariant()} UNKNOWN - no answer within {seconds} s (-t)\n");
                context.Out.Flush();
                Environment.Exit(Severity.Unknown.ExitCode());
            }
        }, null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);

        var code = body(buffer);
        if (Interlocked.Exchange(ref done, 1) == 0)
        {
            context.Out.Write(buffer.ToString());
        }

        return code;
    }
}
