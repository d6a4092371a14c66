using HostDoc.KernelLog.Reading;
using HostDoc.Proc;

namespace HostDoc.KernelLog;

/// <summary>
/// The kernel log of the host being examined: the ring buffer (<c>/dev/kmsg</c>; in a captured tree a
/// <c>dev/kmsg</c> file of records) when it is readable, else the first of <c>/var/log/kern.log</c>,
/// <c>/var/log/messages</c>, <c>/var/log/syslog</c> that exists.
/// </summary>
public static class HostKernelLog
{
    private static readonly string[] SyslogFiles = ["/var/log/kern.log", "/var/log/messages", "/var/log/syslog"];

    /// <summary>Reads the host's kernel log into <paramref name="analyzer"/>.</summary>
    public static void ReadInto(KernelLogAnalyzer analyzer, HostRoot root, TimeProvider clock)
    {
        var records = KmsgReader.ReadAll(root);
        if (records.Count > 0)
        {
            DateTime? boot = root.IsLive && Uptime.Read(root) is { } up ? clock.GetLocalNow().DateTime.AddSeconds(-up) : null;
            analyzer.Read("/dev/kmsg", records, boot);
            return;
        }

        foreach (var path in SyslogFiles)
        {
            var file = root.Resolve(path);
            if (!File.Exists(file))
            {
                continue;
            }

            try
            {
                using var stream = LogFiles.Open(file);
                analyzer.Read(path, stream, File.GetLastWriteTime(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                analyzer.Problem($"{path}: cannot read ({e.Message})");
            }

            return;
        }

        analyzer.Problem("/dev/kmsg: not readable, and there is no /var/log/kern.log, /var/log/messages or /var/log/syslog");
    }
}
