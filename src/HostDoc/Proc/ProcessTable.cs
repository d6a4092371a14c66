using System.Globalization;

namespace HostDoc.Proc;

/// <summary>The processes of a host as explain and the environment findings walk them: every numeric directory of /proc, with its command name and effective uid.</summary>
internal static class ProcessTable
{
    /// <summary>The pids in /proc, hostdoc's own left out on a live host.</summary>
    public static IEnumerable<int> Pids(HostRoot root)
    {
        var self = root.IsLive ? Environment.ProcessId : -1;
        foreach (var name in root.ListDirectory("/proc"))
        {
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != self)
            {
                yield return pid;
            }
        }
    }

    /// <summary>"comm (PID)".</summary>
    public static string Name(HostRoot root, int pid) => $"{root.ReadValue($"/proc/{pid}/comm") ?? "?"} ({pid})";

    /// <summary>The effective uid of <paramref name="pid"/> (/proc/PID/status), or null.</summary>
    public static uint? EffectiveUid(HostRoot root, int pid) =>
        root.ReadText($"/proc/{pid}/status", 64 * 1024).Value is { } status ? Pid.PidStatus.Parse(status).EffectiveUid : null;

    /// <summary>The pids whose command name (/proc/PID/comm) is one of <paramref name="names"/>.</summary>
    public static IEnumerable<(int Pid, string Comm)> Named(HostRoot root, params string[] names)
    {
        foreach (var pid in Pids(root))
        {
            if (root.ReadValue($"/proc/{pid}/comm") is { } comm && Array.IndexOf(names, comm) >= 0)
            {
                yield return (pid, comm);
            }
        }
    }
}
