using HostDoc.Cpus;

namespace HostDoc.Proc.Pid;

/// <summary>
/// The lines of <c>/proc/PID/status</c> (and <c>/proc/PID/task/TID/status</c>) hostdoc reads:
/// Name, State, Tgid, Pid, Threads, Cpus_allowed_list, Mems_allowed_list. Other lines are kept
/// by name.
/// </summary>
public sealed record PidStatus(IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Name: the command name.</summary>
    public string? Name => Fields.GetValueOrDefault("Name");

    /// <summary>State, e.g. "S (sleeping)".</summary>
    public string? State => Fields.GetValueOrDefault("State");

    /// <summary>Cpus_allowed_list: where the scheduler may run the task (its affinity within its cpuset).</summary>
    public CpuList? CpusAllowed => Fields.GetValueOrDefault("Cpus_allowed_list") is { } l && CpuList.TryParse(l, out var c, out _) ? c : null;

    /// <summary>Mems_allowed_list: the memory nodes it may allocate from.</summary>
    public CpuList? MemsAllowed => Fields.GetValueOrDefault("Mems_allowed_list") is { } l && CpuList.TryParse(l, out var m, out _) ? m : null;

    /// <summary>The effective uid: the second of the Uid: line's real, effective, saved and filesystem ids.</summary>
    public uint? EffectiveUid => Fields.GetValueOrDefault("Uid")?.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries) is [_, var e, ..]
        && uint.TryParse(e, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var uid) ? uid : null;

    /// <summary>Parses <c>Key:\tvalue</c> lines.</summary>
    public static PidStatus Parse(ReadOnlySpan<char> text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                fields.TryAdd(line[..colon].ToString(), line[(colon + 1)..].Trim().ToString());
            }
        }

        return new PidStatus(fields);
    }
}
