using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Network reports about more than one packet: a network device that cannot be unregistered because
/// something still holds a reference (<c>unregister_netdevice: waiting for lo to become free. Usage
/// count = 1</c>, every 10 s until it is freed: a leak, typically in a container's namespace teardown), and
/// NFS servers that stop answering (<c>nfs: server X not responding, still trying</c> or
/// <c>, timed out</c> on soft mounts) until <c>nfs: server X OK</c>.
/// </summary>
public sealed class NetworkRecognizer : ILineRecognizer
{
    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => ["unregister_netdevice", "nfs: server "];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        if (m.StartsWith("unregister_netdevice: waiting for ", StringComparison.Ordinal))
        {
            var rest = m[34..];
            var end = rest.IndexOf(" to become free", StringComparison.Ordinal);
            if (end <= 0)
            {
                return false;
            }

            var device = rest[..end];
            var count = UsageCount(rest);
            var data = new FindingData().Set("netdev", device).Set("usage_count", count);
            sink.Emit(new SystemEvent(line, SystemEventKind.NetdevLeak, device, count is { } n ? $"usage count {n}" : "", data.Fields));
            return true;
        }

        var client = m.StartsWith("nfs: ", StringComparison.Ordinal) ? "nfs" : null;
        if (client is null || m.IndexOf("server ", StringComparison.Ordinal) is not (var at and >= 0))
        {
            return false;
        }

        var body = m[(at + 7)..];
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var server = body[..space];
        var verdict = body[(space + 1)..].Trim();
        var ok = verdict == "OK";
        if (!ok && !verdict.StartsWith("not responding", StringComparison.Ordinal))
        {
            return false;
        }

        var timedOut = verdict.Contains("timed out", StringComparison.Ordinal);
        var fields = new FindingData().Set("server", server).Set("client", client).Set("soft_timeout", ok ? null : timedOut);
        sink.Emit(new SystemEvent(line, SystemEventKind.NfsNotResponding, server,
            ok ? "answered again" : timedOut ? "not responding, requests timed out (soft mount: the application got EIO)" : "not responding, still trying (hard mount: the calling tasks wait)",
            fields.Fields, Ends: ok));
        return true;
    }

    private static long? UsageCount(string rest)
    {
        var at = rest.IndexOf("Usage count = ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var digits = rest.AsSpan(at + 14).TrimEnd('.');
        var end = 0;
        while (end < digits.Length && (char.IsAsciiDigit(digits[end]) || (end == 0 && digits[end] == '-')))
        {
            end++;
        }

        return long.TryParse(digits[..end], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
