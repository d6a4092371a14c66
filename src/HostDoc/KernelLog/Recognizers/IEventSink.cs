using HostDoc.KernelLog.Events;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>Where recognizers put what they understood.</summary>
public interface IEventSink
{
    /// <summary>Takes one event.</summary>
    void Emit(LogEvent logEvent);
}
