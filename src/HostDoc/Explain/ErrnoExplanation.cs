using HostDoc.Explain.Probes;

namespace HostDoc.Explain;

/// <summary>An errno explained for one system call: the knowledge entry, what the live probes found here, and the other calls the knowledge has entries for.</summary>
/// <param name="Code">The errno.</param>
/// <param name="Syscall">The call asked about, or null.</param>
/// <param name="Entry">The knowledge entry (for the call, else for any call), or null when hostdoc has none for this errno.</param>
/// <param name="Here">The probes' conclusions, in the order the entry names the probes; empty without a path or on an errno without probes.</param>
/// <param name="OtherCalls">Calls with an entry of their own for this errno, besides the one shown.</param>
public sealed record ErrnoExplanation(ErrnoCode Code, string? Syscall, KnowledgeEntry? Entry, IReadOnlyList<ProbeResult> Here, IReadOnlyList<string> OtherCalls)
{
    /// <summary>Names a system call as the knowledge files do: the *at variants and umount2 by their plain names.</summary>
    public static string NormalizeCall(string call) => call.Trim().ToLowerInvariant() switch
    {
        "mkdirat" => "mkdir",
        "openat" or "openat2" or "creat" => "open",
        "umount2" => "umount",
        "renameat" or "renameat2" => "rename",
        "inotify_init1" => "inotify_init",
        var other => other,
    };

    /// <summary>Explains <paramref name="code"/> for the request's call, running the entry's probes over <paramref name="host"/>.</summary>
    public static ErrnoExplanation Make(ErrnoCode code, ExplainRequest request, KnowledgeBase knowledge, HostModel host)
    {
        var entries = knowledge.ForErrno(code.Name);
        var entry = entries.FirstOrDefault(e => e.Call == request.Syscall) ?? entries.FirstOrDefault(e => e.Call == "*") ?? (entries.Count > 0 ? entries[0] : null);
        var here = new List<ProbeResult>();
        foreach (var name in entry?.Probes ?? [])
        {
            if (ProbeCatalog.Find(name) is { } probe)
            {
                here.AddRange(probe.Run(host, request));
            }
        }

        var others = entries.Where(e => e != entry && e.Call != "*").Select(e => e.Call).Distinct().ToArray();
        return new ErrnoExplanation(code, request.Syscall, entry, here, others);
    }

    /// <summary>True when a probe could not decide (a source unreadable): the command exits 1.</summary>
    public bool Undecided => Here.Any(h => h.Verdict == ProbeVerdict.Unknown);
}
