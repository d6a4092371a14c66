using HostDoc.Checks;
using HostDoc.Cli.CommandLine;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Journal;
using HostDoc.KernelLog.Reading;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc logs [FILE…]</c>: the kernel log read into incidents.</summary>
internal static class LogsCommand
{
    public static int Run(CliContext context, LogsInvocation invocation)
    {
        var now = context.Host.Clock.GetLocalNow().DateTime;
        var analyzer = new KernelLogAnalyzer(AscAscqTable.Load(), invocation.Since?.Resolve(now), invocation.Until?.Resolve(now));
        if (invocation.Boot is { } boot)
        {
            ReadJournal(analyzer, context.Host.Root, boot);
        }
        else if (invocation.Files.Count == 0)
        {
            HostKernelLog.ReadInto(analyzer, context.Host.Root, context.Host.Clock);
        }

        foreach (var path in LogFiles.InRotationOrder(invocation.Files))
        {
            Read(analyzer, path, now);
        }

        var analysis = analyzer.Finish();
        if (invocation.Hosts.Count > 0)
        {
            analysis = analysis with { Incidents = analysis.Incidents.Where(i => i.Host is { } h && invocation.Hosts.Contains(h, StringComparer.OrdinalIgnoreCase)).ToArray() };
        }
        if ((invocation.Files.Count == 0 || invocation.Global.Captured) && !analysis.ManyHosts)
        {
            // The log belongs to this host (or to the snapshot given with --root): join the incidents to its devices.
            var mounts = context.Host.Mountinfo.Value?.Entries ?? [];
            analysis = analysis with { Incidents = analysis.Incidents.Select(i => IncidentTopology.Enrich(i, context.Host.Topology, mounts)).ToArray() };
        }
        var ending = invocation.Boot is { } b && b != "0" && Journalctl.Lines(context.Host.Root, b, ["-n", "30"], out _) is { } last
            ? BootEnding.From(b, last, analysis.Incidents) : null;
        if (invocation.Json)
        {
            IncidentJsonWriter.Write(context.Out, analysis, ending);
        }
        else
        {
            IncidentTextWriter.Write(context.Out, analysis, context.Style);
            if (ending is not null)
            {
                context.Out.Write($"\n{context.Style.Label(ending.Severity)}\n  {ending.Sentence}\n");
            }
        }

        foreach (var problem in analysis.Problems)
        {
            context.Error.Write($"hostdoc logs: {problem}\n");
        }

        return analysis.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.SourceProblem;
    }

    private static void Read(KernelLogAnalyzer analyzer, string path, DateTime now)
    {
        if (path == "-")
        {
            using var stdin = LogFiles.Decompressed(Console.OpenStandardInput());
            analyzer.Read("-", stdin, now);
            return;
        }

        analyzer.ReadFile(path, path);
    }

    /// <summary>The kernel messages journald kept of <paramref name="boot"/>, streamed from journalctl into the analyzer.</summary>
    private static void ReadJournal(KernelLogAnalyzer analyzer, HostRoot root, string boot)
    {
        using var journal = Journalctl.Start(root, boot, [], out var error);
        if (journal is null)
        {
            analyzer.Problem($"journal: {error}");
            return;
        }

        var stderr = journal.StandardError.ReadToEndAsync();
        var counting = new CountingStream(journal.StandardOutput.BaseStream);
        analyzer.Read($"journal, boot {boot}", counting, DateTime.Now);
        journal.WaitForExit();
        var said = stderr.Result.Trim().ReplaceLineEndings(" ");
        if (journal.ExitCode != 0)
        {
            analyzer.Problem($"journal: journalctl -k -b {boot}: {said} (exit {journal.ExitCode})");
        }
        else if (counting.Bytes == 0)
        {
            analyzer.Problem($"journal: no kernel messages of boot {boot}{(said.Length > 0 ? $" ({said})" : "")}: is journald running, and its journal persistent (Storage=persistent) for earlier boots?");
        }
    }

    /// <summary>Counts what passes through, to tell an empty journal from a quiet one.</summary>
    private sealed class CountingStream(Stream inner) : ForwardStream(inner)
    {
        public long Bytes { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var n = Inner.Read(buffer);
            Bytes += n;
            return n;
        }
    }
}
