using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Hardware errors the platform reports. Firmware (APEI/GHES, BERT) prints a CPER record over several
/// <c>{N}[Hardware Error]: </c> lines — <c>event severity: corrected|recoverable|fatal|info</c>, <c>section_type: memory
/// error</c>, <c>fru_text: …</c>, <c>physical_address: …</c>, <c>node: 0 card: 6 module: 0 …</c>, <c>DIMM location: …</c> —
/// which become one event, named by the DIMM when the record says which. The memory controller's EDAC driver prints
/// <c>EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#2_DIMM#0 (…)</c> (2.6: <c>EDAC MC0: CE page 0x…, …, label "…": i5000 CE</c>),
/// counted per location; the CPU's machine-check architecture <c>mce: [Hardware Error]: Machine check events logged</c>.
/// </summary>
public sealed class HardwareRecognizer : ILineRecognizer
{
    private Record? open;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => ["Hardware Error", "EDAC ", "Machine check"];

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        var tag = m.IndexOf("[Hardware Error]: ", StringComparison.Ordinal);
        if (tag >= 0 && !m.StartsWith("mce: ", StringComparison.Ordinal) && !m.Contains("Machine Check", StringComparison.Ordinal) && !m.Contains("Machine check", StringComparison.Ordinal))
        {
            return Cper(line, m[..tag], m[(tag + 18)..].Trim(), sink);
        }

        if (m.StartsWith("EDAC ", StringComparison.Ordinal))
        {
            return Edac(line, m, sink);
        }

        if (m.Contains("Machine check events logged", StringComparison.Ordinal) || m.Contains("Machine Check Exception", StringComparison.Ordinal))
        {
            var fatal = m.Contains("Machine Check Exception", StringComparison.Ordinal);
            var cpu = MessageText.WordAfter(m, "CPU ")?.TrimEnd(':');
            var data = new FindingData().Set("source", "mce").Set("cpu", MessageText.WholeNumber(cpu))
                .Set("severity", fatal ? "fatal" : null);
            sink.Emit(new SystemEvent(line, SystemEventKind.HardwareError, cpu is null ? "machine check" : $"CPU{cpu}", m, data.Fields));
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public void Flush(IEventSink sink)
    {
        if (open is not { } r)
        {
            return;
        }

        open = null;
        var subject = r.Dimm ?? r.Fru ?? r.Section ?? "platform";
        var data = new FindingData().Set("source", "cper").Set("severity", r.Severity).Set("section_type", r.Section).Set("dimm", r.Dimm ?? r.Fru)
            .Set("physical_address", r.Address).Set("error_type", r.ErrorType).Set("location", r.Location);
        var detail = $"{r.Severity ?? "unknown severity"} {r.Section ?? "hardware error"}{(r.ErrorType is null ? "" : $" ({r.ErrorType})")}{(r.Address is null ? "" : $" at {r.Address}")}";
        ReportEmitter.Emit(sink, new SystemEvent(r.First, SystemEventKind.HardwareError, subject, detail, data.Fields), r.Lines);
    }

    private bool Cper(LogLine line, string prefix, string text, IEventSink sink)
    {
        var id = prefix.Trim();
        var starts = text.StartsWith("Hardware error from APEI", StringComparison.Ordinal) || (text.StartsWith("event severity:", StringComparison.Ordinal) && open?.Severity is not null);
        if (open is { } r && (r.Id != id || starts || line.Source != r.First.Source || line.LineNumber - r.First.LineNumber > 80))
        {
            Flush(sink);
        }

        var record = open ??= new Record(line, id);
        if (!ReferenceEquals(record.First, line))
        {
            record.Lines.Add(line);
        }

        var value = text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? text[(colon + 1)..].Trim() : "";
        switch (text)
        {
            case var _ when text.StartsWith("event severity:", StringComparison.Ordinal):
                record.Severity = value;
                break;
            case var _ when text.StartsWith("section_type:", StringComparison.Ordinal):
                record.Section ??= value;
                break;
            case var _ when text.StartsWith("fru_text:", StringComparison.Ordinal):
                record.Fru ??= value;
                break;
            case var _ when text.StartsWith("physical_address:", StringComparison.Ordinal):
                record.Address ??= value;
                break;
            case var _ when text.StartsWith("DIMM location:", StringComparison.Ordinal):
                record.Dimm ??= value;
                break;
            case var _ when text.StartsWith("error_type:", StringComparison.Ordinal):
                record.ErrorType ??= value[(value.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim();
                break;
            case var _ when text.StartsWith("node:", StringComparison.Ordinal):
                record.Location ??= text;
                break;
            default:
                break;
        }

        return true;
    }

    private static bool Edac(LogLine line, string m, IEventSink sink)
    {
        // "EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#2_DIMM#0 (channel:2 …)"; 2.6 "EDAC MC0: CE page 0x…, label "": i5000 CE"
        var colon = m.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var controller = m[5..colon];
        controller = controller.Contains(' ', StringComparison.Ordinal) ? controller[(controller.LastIndexOf(' ') + 1)..] : controller;
        var text = m[(colon + 2)..];
        var words = text.Split(' ', 3);
        long count = 1;
        string? kind = null;
        if (words.Length >= 2 && MessageText.WholeNumber(words[0]) is { } n && words[1] is "CE" or "UE")
        {
            count = n;
            kind = words[1];
        }
        else if (words[0] is "CE" or "UE")
        {
            kind = words[0];
        }
        else if (text.StartsWith("Uncorrected Error", StringComparison.Ordinal))
        {
            kind = "UE";
        }

        if (kind is null)
        {
            // The driver's decoding of the same event ("HANDLING MCE MEMORY ERROR", "ADDR …"): part of the report, not another.
            if (!m.StartsWith("EDAC sbridge", StringComparison.Ordinal) && !m.StartsWith("EDAC skx", StringComparison.Ordinal) && !m.StartsWith("EDAC i10nm", StringComparison.Ordinal))
            {
                return false;
            }

            sink.Emit(new SystemEvent(line, SystemEventKind.HardwareError, controller, "", Continues: true));
            return true;
        }

        var on = text.IndexOf(" on ", StringComparison.Ordinal);
        var location = on >= 0 ? text[(on + 4)..].Split(' ', 2)[0] : MessageText.Between(text, "label \"", '"') is { Length: > 0 } label ? label : null;
        var data = new FindingData().Set("source", "edac").Set("memory_controller", controller).Set("dimm", location)
            .Set(kind == "CE" ? "ce_count" : "ue_count", count).Set("severity", kind == "CE" ? "corrected" : "uncorrected");
        sink.Emit(new SystemEvent(line, SystemEventKind.HardwareError, location ?? controller, $"{count} {(kind == "CE" ? "corrected" : "uncorrected")} memory error{(count == 1 ? "" : "s")}", data.Fields));
        return true;
    }

    private sealed class Record(LogLine first, string id)
    {
        public LogLine First { get; } = first;

        public string Id { get; } = id;

        public string? Severity { get; set; }

        public string? Section { get; set; }

        public string? Fru { get; set; }

        public string? Address { get; set; }

        public string? Dimm { get; set; }

        public string? ErrorType { get; set; }

        public string? Location { get; set; }

        public List<LogLine> Lines { get; } = [];
    }
}
