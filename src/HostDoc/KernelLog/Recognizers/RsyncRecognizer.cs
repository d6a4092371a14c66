using HostDoc.Explain;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// rsync's own error lines, the one program besides the kernel the log reader understands (the notebook's io timeout):
/// in syslog from rsync or rsyncd (tagged), or bare in cron mail and pasted output.
/// </summary>
public sealed class RsyncRecognizer : ILineRecognizer
{
    /// <inheritdoc />
    public IEnumerable<LogAnchor> Anchors => ["rsync", "io timeout after "];   // two phrases: the prefilter's cost grows with their count

    /// <summary>True for a syslog tag of rsync's (<c>rsync</c>, <c>rsyncd[4242]</c>): those lines are read although the kernel did not write them.</summary>
    public static bool Wrote(string? program) =>
        program is not null && (program.StartsWith("rsync[", StringComparison.Ordinal) || program.StartsWith("rsyncd", StringComparison.Ordinal) || program == "rsync");

    /// <inheritdoc />
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        if ((line.Program is not null && !Wrote(line.Program)) || RsyncLine.Parse(line.Message) is not { } parsed)
        {
            return false;
        }

        sink.Emit(new RsyncEvent(line, parsed));
        return true;
    }
}
