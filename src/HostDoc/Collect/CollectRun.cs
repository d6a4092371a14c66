using System.Globalization;
using HostDoc.Checks;
using HostDoc.Metrics;

namespace HostDoc.Collect;

/// <summary>
/// One <c>hostdoc collect</c> run: a <see cref="Root"/> over the live host that records what is read from it. The
/// caller runs every command over <see cref="Root"/> (that is what decides what a snapshot holds); this adds what no
/// command reads on its own — every process's files (the names some command read for one process, read for all,
/// with stacks), the log files' tails, the Prometheus collectors — and writes the archive.
/// </summary>
public sealed class CollectRun : IDisposable
{
    private static readonly string[] LogFiles = ["/var/log/kern.log", "/var/log/messages", "/var/log/syslog"];
    private static readonly string[] EveryProcess = ["stat", "status", "cmdline", "wchan", "stack", "io", "limits", "comm", "task/*/stat", "task/*/stack", "task/*/wchan"];

    // Read for the tasks a command looked into (a stuck task's mounts and mappings), not for all: they are large and say nothing of a task that is well.
    private static readonly HashSet<string> OnlyWhereRead = new(StringComparer.Ordinal) { "maps", "smaps", "mountinfo", "mounts", "environ", "task/*/maps" };

    /// <summary>Starts a collection at <paramref name="now"/>.</summary>
    public CollectRun(CollectOptions options, DateTimeOffset now)
    {
        Options = options;
        Now = now;
        Tree = new CapturedTree(options.MaxBytes);
        Io = new BoundedIo(options.Timeout);
        Files = new CaptureFiles(Tree, Io, now, (now - options.IncludeLogs).LocalDateTime);
        Root = new HostRoot(Files, "/", isLive: false);
    }

    /// <summary>What was asked.</summary>
    public CollectOptions Options { get; }

    /// <summary>When the collection started.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>What has been recorded.</summary>
    public CapturedTree Tree { get; }

    /// <summary>The deadline reads run under.</summary>
    public BoundedIo Io { get; }

    /// <summary>The recording backend (for progress).</summary>
    public CaptureFiles Files { get; }

    /// <summary>The live host as a tree; every read through it is recorded.</summary>
    public HostRoot Root { get; }

    /// <summary>Reads what <c>hostdoc serve</c>'s collectors read.</summary>
    public void ReadMetrics(CheckCatalog catalog, TimeProvider clock)
    {
        var host = new HostModel(Root, clock, Options.Timeout);
        _ = MetricsScrape.Collect(host, FindingsSnapshot.Take(host, catalog), MetricsOptions.Defaults);
    }

    /// <summary>
    /// Reads, for every process, the per-process files any command read for some process, and its stack: a snapshot
    /// answers for every task, not only those the host's state made a command look at.
    /// </summary>
    public void ReadEveryProcess()
    {
        var names = new HashSet<string>(EveryProcess, StringComparer.Ordinal);
        foreach (var (path, entry) in Tree.Entries)
        {
            if (entry is CapturedEntry.File && ProcessFile(path) is { } name && !OnlyWhereRead.Contains(name))
            {
                names.Add(name);
            }
        }

        foreach (var pid in Root.ListDirectory("/proc").Where(IsNumber))
        {
            // What explain's probes read of every process, so a snapshot can answer them too: the working directory and
            // root (who holds a mount), and the descriptors' names (how many are open, against limits).
            _ = Root.ReadLink($"/proc/{pid}/cwd");
            _ = Root.ReadLink($"/proc/{pid}/root");
            _ = Root.ListDirectory($"/proc/{pid}/fd");
            foreach (var name in names)
            {
                if (name.StartsWith("task/*/", StringComparison.Ordinal))
                {
                    foreach (var tid in Root.ListDirectory($"/proc/{pid}/task").Where(IsNumber))
                    {
                        _ = Root.ReadText($"/proc/{pid}/task/{tid}/{name[7..]}", 1024 * 1024);
                    }
                }
                else
                {
                    _ = Root.ReadText($"/proc/{pid}/{name}", 4 * 1024 * 1024);
                }
            }
        }
    }

    /// <summary>Reads the tails of the syslog files within <c>--include-logs</c>.</summary>
    public void ReadLogTails()
    {
        foreach (var log in LogFiles.Where(l => Root.Exists(l) && !Root.IsDirectory(l)))
        {
            try
            {
                Root.OpenRead(log).Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // recorded as unreadable by the capture
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => Io.Dispose();

    /// <summary>Ends the collection: what was gathered along the way is written into the tree.</summary>
    public void Finish() => Files.Finish();

    /// <summary>"stat", "task/*/stack" for a file under /proc/PID/; null for any other path.</summary>
    private static string? ProcessFile(string path)
    {
        var parts = path.Split('/');
        if (parts is not ["proc", var pid, ..] || !IsNumber(pid) || parts.Length < 3)
        {
            return null;
        }

        return parts is [_, _, "task", var tid, var file] && IsNumber(tid) ? "task/*/" + file
            : parts.Length == 3 && !parts[2].Contains('*', StringComparison.Ordinal) ? parts[2] : null;
    }

    private static bool IsNumber(string name) => name.Length > 0 && name.All(char.IsAsciiDigit) && ulong.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
