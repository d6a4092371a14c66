using System.Globalization;
using HostDoc.Findings;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Following;
using HostDoc.StateFiles;
using HostDoc.KernelLog.Journal;
using HostDoc.Sources;

namespace HostDoc.Checks;

/// <summary>
/// <c>check kernel-log --state FILE</c>: one run of the kernel log as a monitoring source. Under the
/// state's lock it reads what earlier runs have not consumed — /dev/kmsg by sequence number, log
/// files by <see cref="FileFollower"/> — turns it into incidents, keeps the incidents of earlier runs
/// for the sticky time, and only once the result is computed writes the new state (atomically): a run
/// killed at any point leaves the old state, and the next run reads the same lines again.
/// </summary>
public sealed class KernelLogFollowing(HostModel host, KernelLogFollowSettings settings)
{
    private readonly List<IReadOnlyList<string>> endings = [];
    private string? previousBoot;

    private static readonly string[] SyslogFiles = ["/var/log/kern.log", "/var/log/messages", "/var/log/syslog"];

    /// <summary>Runs the check once.</summary>
    public CheckResult Run(string check)
    {
        using var held = StateLock.Acquire(settings.StatePath, DateTime.UtcNow + settings.LockWait, out var lockError);
        if (held is null)
        {
            return CheckResult.Undecided(check, "kernel log", [new SourceProblem(settings.StatePath, ProblemKind.IoError, lockError!)]);
        }

        var state = StateFile.Load(settings.StatePath, out var stateError);
        if (stateError is not null)
        {
            return CheckResult.Undecided(check, "kernel log", [new SourceProblem(settings.StatePath, ProblemKind.Malformed, stateError)]);
        }

        var now = host.Clock.GetUtcNow();
        var analyzer = new KernelLogAnalyzer(AscAscqTable.Load());
        var notes = new List<Finding>();
        var (kmsg, files, lost) = Consume(analyzer, state, notes);
        var analysis = analyzer.Finish();
        foreach (var last in endings)
        {
            if (BootEnding.From(previousBoot ?? "-1", last, analysis.Incidents) is { } ending)
            {
                notes.Add(new Finding("log.previous-boot", ending.Severity == Severity.Ok ? Severity.Info : ending.Severity, $"boot {previousBoot}", ending.Sentence,
                    "The previous boot's last kernel messages, from its journal: a clean shutdown says so (reboot: Restarting system / Power down); " +
                    "a panic names its reason; a log that just stops means a crash that could not be written, a hard reset, power loss or a watchdog.",
                    [], "hostdoc logs --boot -1 shows all of that boot's incidents."));
            }
        }

        if (analysis.Sources.Count == 0 && files.Count == 0)
        {
            return CheckResult.Undecided(check, "kernel log", analysis.Problems.Select(p => new SourceProblem("kernel log", ProblemKind.Missing, p)).ToArray());
        }

        var from = settings.Since?.Resolve(host.Clock.GetLocalNow().DateTime);
        var mounts = host.Mountinfo.Value?.Entries ?? [];
        var fresh = analysis.Incidents
            .Where(i => from is not { } f || i.LastSeen.Wall is not { } last || last >= f)
            .Select(i => (analysis.ManyHosts ? i : IncidentTopology.Enrich(i, host.Topology, mounts)).ToFinding(analysis.ManyHosts))
            .ToList();
        var (reported, sticky) = Sticky(state.Reported, fresh, now);
        try
        {
            StateFile.Save(settings.StatePath, new LogState(kmsg, files, reported), now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Undecided(check, "kernel log", [new SourceProblem(settings.StatePath, ProblemKind.IoError, $"cannot write the state ({e.Message}), so this run's lines would be read again")]);
        }

        var findings = fresh.Concat(sticky).Concat(notes).ToList();
        var incidents = fresh.Count + sticky.Count;
        if (findings.Count == 0)
        {
            findings.Add(new Finding("log.quiet", Severity.Ok, "kernel log",
                $"no new incidents in {analysis.Counts.Lines.ToString("N0", CultureInfo.InvariantCulture)} new lines of {string.Join(", ", analysis.Sources.DefaultIfEmpty("the log"))}",
                "Nothing written to the kernel log since the last run says a disk, link, filesystem, the memory manager, the network stack, a CPU or a clock failed.", [], ""));
        }

        var measurements = new[]
        {
            new Measurement("incidents", incidents, "", Min: 0),
            new Measurement("critical_incidents", fresh.Concat(sticky).Count(f => f.Severity == Severity.Critical), "", Min: 0),
            new Measurement("lines", analysis.Counts.Lines, "", Min: 0),
            new Measurement("lost", lost, "", Min: 0),
        };
        return new CheckResult(check, findings, measurements, analysis.Problems.Select(p => new SourceProblem("kernel log", ProblemKind.IoError, p)).ToArray());
    }

    /// <summary>Feeds the analyzer what has not been consumed; returns the new positions and how many lines are known lost.</summary>
    private (KmsgPosition? Kmsg, List<FilePosition> Files, double Lost) Consume(KernelLogAnalyzer analyzer, LogState state, List<Finding> notes)
    {
        double lost = 0;
        var files = new List<FilePosition>();
        var fromStart = settings.FirstRunAll;
        if (settings.Logs.Count == 0)
        {
            var records = KmsgReader.ReadAll(host.Root, out _);
            if (records.Count > 0)
            {
                var bootId = host.Root.ReadValue("/proc/sys/kernel/random/boot_id") ?? "";
                var follow = KmsgFollower.Follow(records, bootId, state.Kmsg, fromStart);
                var ending = follow.Rebooted && state.Kmsg is { BootId.Length: > 0 } old ? PreviousBoot(analyzer, old, notes) : null;
                analyzer.Read("/dev/kmsg", follow.Records, HostKernelLog.BootTime(host.Root, host.Clock));
                if (ending is not null)
                {
                    endings.Add(ending);
                }

                lost += follow.Lost;
                if (follow.Lost > 0)
                {
                    notes.Add(Lost("/dev/kmsg", $"{follow.Lost.ToString("N0", CultureInfo.InvariantCulture)} kernel messages were overwritten in the ring buffer before hostdoc read them"));
                }

                if (follow.Rebooted)
                {
                    notes.Add(new Finding("log.rebooted", Severity.Info, "/dev/kmsg", "the host rebooted since the last run (the boot id changed); this boot is read from its first record",
                        "/dev/kmsg holds only the current boot. What the previous boot logged after the last run is in its persistent journal or syslog files, if the host keeps them.",
                        [new Evidence("boot id", bootId, "/proc/sys/kernel/random/boot_id")], "See how the previous boot ended: hostdoc logs --boot -1."));
                }

                return (follow.Next, files, lost);
            }
        }

        var logs = settings.Logs.Count > 0 ? settings.Logs : SyslogFiles.Where(p => host.Root.Exists(p)).Take(1).ToArray();
        if (logs.Count == 0)
        {
            analyzer.Problem("/dev/kmsg: not readable, and there is no /var/log/kern.log, /var/log/messages or /var/log/syslog");
        }

        foreach (var log in logs)
        {
            if (host.Root.DiskPath(log) is not { } disk)
            {
                analyzer.Problem($"{log}: --state follows log files on disk, and a snapshot is an archive (run the check without --state)");
                continue;
            }

            if (!File.Exists(disk) && !Directory.Exists(Path.GetDirectoryName(disk)))
            {
                analyzer.Problem($"{log}: no such file or directory");
                continue;
            }

            var previous = state.Files.FirstOrDefault(f => f.Path == log);
            try
            {
                using var plan = FileFollower.Plan(log, disk, previous, fromStart);
                if (plan.Lost is { } what)
                {
                    notes.Add(Lost(log, what));
                }

                foreach (var segment in plan.Segments)
                {
                    using var stream = FileFollower.Open(segment);
                    analyzer.Read(segment.Path == disk ? log : log + " (rotated: " + Path.GetFileName(segment.Path) + ")", stream, File.GetLastWriteTime(segment.Path));
                }

                files.Add(plan.Next);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // A file deleted or compressed away under the run, a corrupt archive, an unreadable directory: this log keeps
                // its old position, so the next run reads on from there (what was read now may be read again, never lost).
                analyzer.Problem($"{log}: {e.Message}; its position is kept for the next run");
                if (previous is not null)
                {
                    files.Add(previous);
                }
            }
        }

        return (state.Kmsg, files, lost);
    }

    /// <summary>
    /// After a reboot, what the previous boot logged after the last run, from its journal (the messages that matter most are
    /// often the last before a crash): fed to the analyzer before this boot's records; how that boot ended, as a finding later.
    /// </summary>
    private string[]? PreviousBoot(KernelLogAnalyzer analyzer, KmsgPosition old, List<Finding> notes)
    {
        if (Journalctl.Lines(host.Root, old.BootId, [], out var error) is not { } lines)
        {
            notes.Add(Lost("/dev/kmsg", $"the host rebooted and the previous boot's journal cannot be read ({error}): what it logged after the last run is unknown"));
            return null;
        }

        // Entries after the last record consumed: later timestamps, and of those sharing its timestamp (one printk of several
        // lines) the ones past the number already consumed.
        var sameStamp = 0;
        var after = lines.Where(l => SourceMicroseconds(l) is not { } usec || usec > old.LastMicroseconds
            || (usec == old.LastMicroseconds && ++sameStamp > old.AtLastMicroseconds)).ToArray();
        analyzer.Read("journal of the previous boot", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', after) + "\n")), host.Clock.GetLocalNow().DateTime);
        previousBoot = old.BootId;
        return lines.TakeLast(30).ToArray();
    }

    /// <summary>The kernel's own timestamp of a journal entry (_SOURCE_MONOTONIC_TIMESTAMP: the /dev/kmsg usec), else null.</summary>
    private static ulong? SourceMicroseconds(string line)
    {
        try
        {
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            return entry.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && entry.RootElement.TryGetProperty("_SOURCE_MONOTONIC_TIMESTAMP", out var usec) && usec.ValueKind == System.Text.Json.JsonValueKind.String
                && ulong.TryParse(usec.GetString(), CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static Finding Lost(string subject, string what) => new("log.lines-lost", Severity.Warning, subject, what,
        "hostdoc reads each kernel message once, from where its last run stopped. Messages that were gone before it got to them " +
        "(overwritten in the ring buffer, or in a log file rotated away) were never judged: an incident among them is unknown.",
        [], "Run the check more often, enlarge the ring buffer (log_buf_len=) or keep the kernel log on disk (persistent journal, syslog).");

    /// <summary>The incidents to remember (this run's, and earlier ones still inside the sticky time) and the earlier ones to show again.</summary>
    private (List<ReportedIncident> Reported, List<Finding> Sticky) Sticky(IReadOnlyList<ReportedIncident> earlier, List<Finding> fresh, DateTimeOffset now)
    {
        var keys = fresh.Select(f => (f.Id, f.Subject)).ToHashSet();
        var reported = fresh.Where(f => f.Severity != Severity.Ok).Select(f => new ReportedIncident(f.Id, f.Subject, f.Severity, f.Summary, now)).ToList();
        var sticky = new List<Finding>();
        foreach (var old in earlier.Where(r => !keys.Contains(r.Key) && now - r.LastSeen <= settings.Sticky && settings.Sticky > TimeSpan.Zero))
        {
            reported.Add(old);
            var ago = now - old.LastSeen;
            sticky.Add(new Finding(old.Id, old.Severity, old.Subject, $"{old.Summary} (last seen {Durations.Say(ago)} ago; kept for --sticky {Durations.Say(settings.Sticky)})",
                "Reported by an earlier run and kept in the result for the sticky time after it was last seen, so that a check run every minute " +
                "still shows it to a person and the monitoring system's retries see it.", [new Evidence("last seen", old.LastSeen.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture))], ""));
        }

        return (reported, sticky);
    }
}
