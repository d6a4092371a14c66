using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>Emits a report gathered over several lines: its event, then each further line as a continuation of it (evidence, not another occurrence).</summary>
internal static class ReportEmitter
{
    /// <summary>Emits <paramref name="head"/> and one <see cref="SystemEvent.Continues"/> event per line of <paramref name="more"/>.</summary>
    public static void Emit(IEventSink sink, SystemEvent head, IEnumerable<LogLine> more)
    {
        sink.Emit(head);
        foreach (var line in more)
        {
            sink.Emit(new SystemEvent(line, head.Kind, head.Subject, "", Continues: true));
        }
    }
}
