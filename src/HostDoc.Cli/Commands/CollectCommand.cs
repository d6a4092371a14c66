using System.Diagnostics;
using System.Globalization;
using HostDoc.Checks;
using HostDoc.Cli.CommandLine;
using HostDoc.Collect;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary>
/// <c>hostdoc collect</c>: a snapshot of this host for reading elsewhere with <c>--snapshot</c>. What goes in is what the
/// commands read: each command below runs over the live host seen as a tree (<see cref="CaptureFiles"/>), its output
/// thrown away, its reads recorded; then every process's files, the log tails and the Prometheus collectors' files.
/// A command added to hostdoc is added here, and what it reads follows by itself.
/// </summary>
internal static class CollectCommand
{
    /// <summary>The commands whose reads make the snapshot: every command that reads the host, every check.</summary>
    private static IEnumerable<string[]> Replays(CheckCatalog catalog) =>
        new[]
        {
            ["report"], ["mem"], ["df"], ["devices"], ["cpus"], ["cpuset"], ["irq"], ["stuck"], ["logs"], ["iostat", "--partitions"], ["net"],
            new[] { "affinity", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
            ["explain", "ENOSPC", "/"], ["explain", "ENFILE"],   // explain's probes: inotify use, open-file limits, fs.file-nr
        }.Concat(catalog.All.Select(c => new[] { "check", c.Name }));

    public static int Run(CliContext context, CollectInvocation invocation, CheckCatalog catalog, IReadOnlyList<string> commandLine)
    {
        var clock = context.Host.Clock;
        var options = new CollectOptions(invocation.Output ?? "", invocation.Redact, invocation.MaxBytes, invocation.IncludeLogs, invocation.Timeout);
        using var run = new CollectRun(options, clock.GetUtcNow());
        var watch = Stopwatch.StartNew();
        var phase = "running the commands";
        var gate = new object();
        var done = false;
        void Progress(object? state)
        {
            lock (gate)
            {
                if (!done)
                {
                    context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"hostdoc collect: {Volatile.Read(ref phase)}: {run.Files.Operations:N0} reads, {run.Tree.Bytes / 1048576.0:0.0} MB\n"));
                }
            }
        }

        using (new Timer(Progress, null, 1000, 1000))
        {
            var host = new HostModel(run.Root, clock, options.Timeout);
            var replay = new CliContext(host, catalog, TextWriter.Null, TextWriter.Null, new TextStyle(false));
            var parser = new CommandLineParser(catalog);
            foreach (var args in Replays(catalog))
            {
                if (parser.Parse(args).Invocation is { } each)
                {
                    _ = Program.Dispatch(replay, each);
                }
            }

            Volatile.Write(ref phase, "reading the metrics collectors' files");
            run.ReadMetrics(catalog, clock);
            Volatile.Write(ref phase, "reading every process");
            run.ReadEveryProcess();
            Volatile.Write(ref phase, "reading the log files");
            run.ReadLogTails();
            run.Finish();
            Volatile.Write(ref phase, "writing");
        }

        lock (gate)
        {
            done = true;   // a tick already running has written its line; none writes after this
        }

        var hostname = run.Root.ReadValue("/proc/sys/kernel/hostname");
        IReadOnlyDictionary<string, int>? redaction = null;
        var tree = run.Tree;
        if (options.Redact)
        {
            tree = Redactor.Apply(run.Tree, ReadPasswd(), out var redactor);
            redaction = redactor.Counts;
            hostname = hostname is null ? null : redactor.Pseudonym(hostname);
            commandLine = commandLine.Select(redactor.Redact).ToArray();   // -o /home/USER/…
        }

        var facts = new SnapshotFacts(hostname, run.Root.ReadValue("/proc/sys/kernel/osrelease"), run.Root.ReadValue("/proc/sys/kernel/random/boot_id"),
            HelpText.Version, commandLine, redaction);
        var output = invocation.Output ?? DefaultName(hostname, run.Now);
        long written;
        try
        {
            if (output == "-")
            {
                using var stdout = Console.OpenStandardOutput();
                using var counting = new MemoryStream();
                _ = SnapshotWriter.Write(counting, tree, facts, options, run.Now);
                written = counting.Length;
                counting.WriteTo(stdout);
            }
            else
            {
                StateFiles.AtomicFile.Replace(output, stream => _ = SnapshotWriter.Write(stream, tree, facts, options, run.Now));
                written = new FileInfo(output).Length;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.Write($"hostdoc collect: cannot write {output}: {e.Message}\n");
            return ExitCodes.SourceProblem;
        }

        var files = tree.Entries.Values.Count(e => e is CapturedEntry.File);
        var unreadable = tree.Unreadable.Count;
        var where = output == "-" ? "wrote the snapshot to standard output" : "wrote " + output;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"hostdoc collect: {where}: {files:N0} files, {tree.Bytes / 1048576.0:0.0} MB, {written / 1048576.0:0.00} MB compressed, in {watch.Elapsed.TotalSeconds:0.00} s");
        var notes = unreadable == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; {unreadable:N0} paths could not be read (listed in manifest.json){(Environment.IsPrivilegedProcess ? "" : ": run as root for the kernel log and task stacks")}");
        context.Error.Write(summary + notes + (options.Redact ? "; redacted" : "") + "\n");
        if (output != "-")
        {
            context.Out.Write($"{output}\n");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The host's account table, for the user names --redact replaces (read here, never put in the snapshot).</summary>
    private static string? ReadPasswd()
    {
        try
        {
            return File.ReadAllText("/etc/passwd");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>hostdoc-HOST-20261202T013000Z.tar.gz in the working directory.</summary>
    private static string DefaultName(string? host, DateTimeOffset now)
    {
        var safe = new string((host ?? "host").Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        return $"hostdoc-{safe}-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.tar.gz";
    }
}
