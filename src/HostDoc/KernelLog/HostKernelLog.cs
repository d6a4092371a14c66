using HostDoc.Proc;
using HostDoc.Sources;

namespace HostDoc.KernelLog;

/// <summary>
/// The kernel log of the host being examined: the ring buffer (<c>/dev/kmsg</c>; in a captured tree a
/// <c>dev/kmsg</c> file of records) when it is readable, else the first of <c>/var/log/kern.log</c>,
/// <c>/var/log/messages</c>, <c>/var/log/syslog</c> that exists.
/// </summary>
public static class HostKernelLog
{
    /// <summary>
    /// When the host booted, to put kmsg's uptime stamps on the wall clock: /proc/stat's <c>btime</c> (in a
    /// captured tree too), else on the live host now − /proc/uptime; null when neither is known.
    /// </summary>
    public static DateTimeOffset? BootTime(HostRoot root, TimeProvider clock)
    {
        if (KernelStat.Read(root).Value?.BootTime is { } seconds && UnixTime.FromSeconds(seconds) is { } boot)
        {
            return boot.ToOffset(clock.LocalTimeZone.GetUtcOffset(boot));
        }

        var now = clock.GetLocalNow();
        return root.IsLive && Uptime.Read(root) is { } up && UnixTime.Add(now.DateTime, -up) is { } start ? new DateTimeOffset(start, now.Offset) : null;
    }

    /// <summary>What a kernel log problem says when the reader lacked the right: the report gathers these as "needs root".</summary>
    public const string NeedsRoot = "permission denied: reading the kernel log needs root (or CAP_SYSLOG, since kernel.dmesg_restrict is set)";

    private const int NotPermitted = 1;       // EPERM
    private const int PermissionDenied = 13;  // EACCES

    private static readonly string[] SyslogFiles = ["/var/log/kern.log", "/var/log/messages", "/var/log/syslog"];

    /// <summary>Reads the host's kernel log into <paramref name="analyzer"/>.</summary>
    public static void ReadInto(KernelLogAnalyzer analyzer, HostRoot root, TimeProvider clock)
    {
        var records = KmsgReader.ReadAll(root, out var openError);
        if (records.Count > 0)
        {
            analyzer.Read("/dev/kmsg", records, BootTime(root, clock));
            return;
        }

        foreach (var path in SyslogFiles)
        {
            if (!root.Exists(path) || root.IsDirectory(path))
            {
                continue;
            }

            analyzer.ReadFile(path, root, path);
            return;
        }

        analyzer.Problem(openError is PermissionDenied or NotPermitted
            ? $"/dev/kmsg: {NeedsRoot}, and there is no /var/log/kern.log, /var/log/messages or /var/log/syslog"
            : "/dev/kmsg: not readable, and there is no /var/log/kern.log, /var/log/messages or /var/log/syslog");
    }
}
