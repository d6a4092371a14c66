using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Understands one family of kernel messages. A recognizer may keep state across lines (a SCSI error
/// report spans several) but only per analysis: instances are made for each run.
/// </summary>
public interface ILineRecognizer
{
    /// <summary>The phrases one of which every line this recognizer handles contains (the scanner's prefilter).</summary>
    IEnumerable<LogAnchor> Anchors { get; }

    /// <summary>True while the recognizer is inside a multi-line record and needs the next line whatever it holds.</summary>
    bool WantsNextLine => false;

    /// <summary>Looks at one line; <paramref name="previous"/> is the line before it in the input. True when the line was this recognizer's.</summary>
    bool Recognize(LogLine line, LogLine? previous, IEventSink sink);

    /// <summary>Emits whatever record is still open (called at the end of an input and before another family's line).</summary>
    void Flush(IEventSink sink)
    {
    }
}
