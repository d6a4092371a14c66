using System.Text;
using HostDoc.Checks;
using HostDoc.Cli.CommandLine;
using HostDoc.Cli.Commands;
using HostDoc.Output;

namespace HostDoc.Cli;

/// <summary>The <c>hostdoc</c> executable: parse (phase one), resolve (phase two), run, flush.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 16 * 1024) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        int code;
        try
        {
            code = Run(args, stdout, stderr, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable, TimeProvider.System);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            code = InternalError(args, e, stdout, stderr);
        }

        try
        {
            stdout.Flush();
        }
        catch (IOException ex) when (ex.HResult == BrokenPipe)
        {
            // A closed pipe (hostdoc report | head) is not an error.
        }

        return code;
    }

    /// <summary>Runs one command line against the given streams; the whole CLI minus process plumbing, for tests.</summary>
    public static int Run(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal,
        Func<string, string?> environment, TimeProvider clock)
    {
        var catalog = new CheckCatalog();
        var (invocation, usage) = new CommandLineParser(catalog).Parse(args);
        if (usage is not null)
        {
            return ReportUsage(usage, stdout, stderr);
        }

        var context = CliContext.Resolve(invocation!.Global, StatvfsTimeout(invocation), catalog, stdout, stderr, stdoutIsTerminal, environment, clock, out var error);
        if (context is null)
        {
            var service = invocation switch { CheckInvocation c => c.Check, CheckDiskInvocation => "disk", _ => null };
            return ReportUsage(new UsageError(error!, service), stdout, stderr);
        }

        try
        {
            return Dispatch(context, invocation, args);
        }
        catch (IOException ex) when (ex.HResult == BrokenPipe)
        {
            // The reader went away (hostdoc report | head): not an error.
            return ExitCodes.Ok;
        }
    }

    internal static int Dispatch(CliContext context, Invocation invocation, IReadOnlyList<string>? args = null) => invocation switch
    {
        HelpInvocation help => Write(context.Out, HelpText.For(help.Topic, context.Catalog), ExitCodes.Ok),
        VersionInvocation => Write(context.Out, HelpText.Version + "\n", ExitCodes.Ok),
        GenerateInvocation { Format: "man" } => Write(context.Out, Help.ManPage.Render(HelpText.For(null, context.Catalog), context.Catalog, HelpText.Version), ExitCodes.Ok),
        GenerateInvocation { Format: "icinga2" or "nagios" } monitoring => Write(context.Out, Help.MonitoringDefinitions.Render(monitoring.Format, context.Catalog) ?? "", ExitCodes.Ok),
        GenerateInvocation generate => Write(context.Out, Help.Completions.Render(generate.Format, HelpText.For(null, context.Catalog), context.Catalog) ?? "", ExitCodes.Ok),
        ReportInvocation report => ReportCommand.Run(context, report),
        MemInvocation mem => MemCommand.Run(context, mem),
        DfInvocation df => DfCommand.Run(context, df),
        TmpfsResizeInvocation resize => TmpfsResizeCommand.Run(context, resize),
        ExplainInvocation explain => ExplainCommand.Run(context, explain),
        StuckInvocation stuck => StuckCommand.Run(context, stuck),
        LogsInvocation logs => LogsCommand.Run(context, logs),
        ServeInvocation serve => ServeCommand.Run(context, serve),
        IrqInvocation irq => IrqCommand.Run(context, irq),
        IostatInvocation iostat => IostatCommand.Run(context, iostat),
        NetInvocation net => NetCommand.Run(context, net),
        CollectInvocation collect => CollectCommand.Run(context, collect, context.Catalog, args ?? []),
        AffinityInvocation affinity => AffinityCommand.Run(context, affinity),
        CpusInvocation => CpusCommand.Cpus(context),
        DevicesInvocation devices => DevicesCommand.Run(context, devices),
        DecodeSenseInvocation sense => DecodeCommand.Run(context, sense),
        DecodeAtaInvocation ata => DecodeAtaCommand.Ata(context, ata),
        DecodeScsiResultInvocation result => DecodeAtaCommand.ScsiResultCode(context, result),
        CpusetInvocation cpuset => CpusCommand.Cpuset(context, cpuset),
        ListChecksInvocation => CheckCommand.List(context),
        CheckInvocation check => CheckTimeout.Run(context, check),
        CheckDiskInvocation disk => CheckDiskCommand.Run(context, disk),
        _ => ExitCodes.Usage,
    };

    /// <summary>
    /// A check must answer within its -t, so a mount that hangs is given up well before: at 80% of
    /// -t (at most 10 s), leaving time to report it. Other commands wait 10 s per hung mount batch.
    /// </summary>
    private static TimeSpan StatvfsTimeout(Invocation invocation) =>
        invocation is CheckInvocation check
            ? TimeSpan.FromSeconds(Math.Min(HostModel.DefaultStatvfsTimeout.TotalSeconds, check.TimeoutSeconds * 0.8))
            : HostModel.DefaultStatvfsTimeout;   // check disk's compatible mode sets its own from its -t

    /// <summary>
    /// The last line of defence: an exception nothing else caught is a hostdoc bug (the fuzzers and tests look for
    /// them, and Run leaves them uncaught so they do), but a monitoring system still gets an answer in its own
    /// protocol: a check says UNKNOWN (exit 3) in one line, any other command says what failed and exits 70 (EX_SOFTWARE).
    /// </summary>
    private static int InternalError(IReadOnlyList<string> args, Exception e, TextWriter stdout, TextWriter stderr)
    {
        var what = $"internal error ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}), a hostdoc bug: please report it with the command line";
        var (invocation, _) = new CommandLineParser(new CheckCatalog()).Parse(args);
        var service = invocation switch { CheckInvocation c => c.Check, CheckDiskInvocation => "disk", _ => null };
        if (service is not null)
        {
            return NagiosWriter.WriteUnknown(stdout, service, what);
        }

        stderr.Write($"hostdoc: {what}\n");
        return ExitCodes.InternalError;
    }

    private static int ReportUsage(UsageError usage, TextWriter stdout, TextWriter stderr)
    {
        if (usage.CheckName is { } service)
        {
            return NagiosWriter.WriteUnknown(stdout, service, usage.Message);
        }

        stderr.Write($"hostdoc: {usage.Message}\n");
        return ExitCodes.Usage;
    }

    private static int Write(TextWriter writer, string text, int code)
    {
        writer.Write(text);
        return code;
    }

    private const int BrokenPipe = 32;   // EPIPE: .NET ignores SIGPIPE and reports the errno
}
