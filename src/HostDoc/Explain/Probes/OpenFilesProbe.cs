using System.Globalization;
using HostDoc.Findings;
using HostDoc.Proc;

namespace HostDoc.Explain.Probes;

/// <summary>
/// EMFILE and ENFILE: a process's descriptors against its RLIMIT_NOFILE (/proc/PID/limits "Max open files"), and the
/// system's open files against fs.file-max (/proc/sys/fs/file-nr). Without --pid, the processes nearest their limit.
/// </summary>
public sealed class OpenFilesProbe : IProbe
{
    private const string FileNr = "/proc/sys/fs/file-nr";

    /// <inheritdoc />
    public string Name => "nofile";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        var root = host.Root;
        var results = new List<ProbeResult>();
        if (request.Errno == "ENFILE")
        {
            results.Add(SystemWide(root));
        }

        if (request.Pid is { } pid)
        {
            results.Add(Process(root, pid) is { } one
                ? one
                : new(Name, ProbeVerdict.Unknown, $"process {pid} is gone or its /proc/{pid}/limits and fd are unreadable", []));
        }
        else
        {
            var nearest = ProcessTable.Pids(root).Select(p => Process(root, p)).OfType<ProbeResult>()
                .OrderByDescending(r => r.Verdict == ProbeVerdict.Holds).Take(request.Errno == "EMFILE" ? 5 : 3).ToArray();
            results.AddRange(nearest.Where(r => r.Verdict == ProbeVerdict.Holds));
            if (request.Errno == "EMFILE" && !nearest.Any(r => r.Verdict == ProbeVerdict.Holds))
            {
                results.Add(new(Name, ProbeVerdict.RuledOut, "no process is near its open-file limit now (give --pid PID for the one that failed)", []));
            }
        }

        return results;
    }

    private ProbeResult SystemWide(HostRoot root)
    {
        var fields = (root.ReadValue(FileNr) ?? "").Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3 || !ulong.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var allocated)
            || !ulong.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            return new(Name, ProbeVerdict.Unknown, $"{FileNr} is not readable", []);
        }

        var evidence = new List<Evidence> { new("open files", $"{allocated} of fs.file-max {max}", FileNr) };
        return allocated >= max / 100 * 95
            ? new(Name, ProbeVerdict.Holds, $"the system has {allocated} files open of the {max} fs.file-max allows: unprivileged opens fail with ENFILE", evidence)
            : new(Name, ProbeVerdict.RuledOut, $"the system has {allocated} files open of {max} allowed: the system-wide table is not full now", evidence);
    }

    /// <summary>One process's descriptors against its soft limit; null when it cannot be read.</summary>
    private ProbeResult? Process(HostRoot root, int pid)
    {
        if (Limit(root.ReadText($"/proc/{pid}/limits", 64 * 1024).Value) is not { } limit)
        {
            return null;
        }

        var open = root.ListDirectory($"/proc/{pid}/fd").Count;
        var name = ProcessTable.Name(root, pid);
        var evidence = new List<Evidence>
        {
            new("open descriptors", open.ToString(CultureInfo.InvariantCulture), $"/proc/{pid}/fd"),
            new("Max open files", $"soft {limit.Soft}, hard {limit.Hard}", $"/proc/{pid}/limits"),
        };
        return limit.Soft is { } soft && (ulong)open >= soft / 100 * 95
            ? new(Name, ProbeVerdict.Holds, $"{name} has {open} descriptors open of its soft limit of {soft}: its next open, socket or accept fails with EMFILE{(limit.Hard is { } hard && hard > soft ? $" (it may raise the soft limit to {hard} itself)" : "")}", evidence)
            : new(Name, ProbeVerdict.RuledOut, $"{name} has {open} descriptors open of its soft limit of {(limit.Soft is { } s ? s.ToString(CultureInfo.InvariantCulture) : "unlimited")}", evidence);
    }

    /// <summary>The "Max open files" row of /proc/PID/limits: soft and hard (null for unlimited).</summary>
    internal static (ulong? Soft, ulong? Hard)? Limit(string? limits)
    {
        foreach (var line in (limits ?? "").Split('\n'))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var fields = line[14..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length >= 2 ? (Number(fields[0]), Number(fields[1])) : null;
            }
        }

        return null;
    }

    private static ulong? Number(string field) =>
        ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
