using System.Globalization;
using HostDoc.Proc.Pid;
using HostDoc.Sources;

namespace HostDoc.Cpus;

/// <summary>A process's threads and where each may run, read from /proc/PID/task/TID/status.</summary>
public sealed record ProcessAffinity(int Pid, IReadOnlyList<ThreadAffinity> Threads)
{
    /// <summary>Reads every thread of <paramref name="pid"/>; a vanished process is a problem, not an exception.</summary>
    public static Sourced<ProcessAffinity> Read(HostRoot root, int pid)
    {
        var threads = new List<ThreadAffinity>();
        foreach (var name in root.ListDirectory($"/proc/{pid}/task").OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal))
        {
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var tid)
                && root.ReadText($"/proc/{pid}/task/{tid}/status", 64 * 1024).Value is { } text)
            {
                var status = PidStatus.Parse(text);
                threads.Add(new ThreadAffinity(tid, status.Name ?? "?", status.CpusAllowed, status.MemsAllowed));
            }
        }

        return threads.Count > 0
            ? Sourced<ProcessAffinity>.Of(new ProcessAffinity(pid, threads))
            : Sourced<ProcessAffinity>.Failed(new SourceProblem($"/proc/{pid}", ProblemKind.Vanished, "no such process"));
    }
}
