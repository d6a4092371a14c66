using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Kernel oopses and panics. An oops is one report over several lines: the line that names the fault
/// (<c>BUG: kernel NULL pointer dereference, address: …</c>, <c>BUG: unable to handle kernel paging request</c>,
/// <c>general protection fault</c>, <c>divide error</c>, <c>invalid opcode</c>, <c>kernel BUG at FILE:LINE!</c>),
/// its <c>Oops: … [#N]</c> line, the task line (<c>CPU: 6 PID: 9186 Comm: cat Tainted: …</c>) and the
/// faulting instruction (<c>RIP: 0010:func+0x2f/0x74 [module]</c>; 2.6–4.x <c>IP: [&lt;…&gt;] func+…</c> or
/// <c>RIP: 0010:[&lt;…&gt;]  [&lt;…&gt;] func+…</c>; ARM <c>PC is at func+…</c>). They become one event, emitted when
/// the next report starts, a panic follows, or the input ends. <c>Kernel panic - not syncing: REASON</c> is its own event.
/// </summary>
public sealed class KernelFaultRecognizer : ILineRecognizer
{
    private const int ReportLines = 60;   // an oops's lines lie within this many input lines of its first

    private Report? open;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors =>
        ["BUG", " [#", "Unable to handle kernel", "Kernel panic", "IP: ", "PC is at ", " Comm: "];   // every fault line but BUG's and ARM's "Unable to handle" carries its oops counter "[#N]"

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        if (m.StartsWith("Kernel panic - not syncing", StringComparison.Ordinal))
        {
            var cause = open;
            Flush(sink);
            var reason = m[(m.IndexOf(':', StringComparison.Ordinal) is var c and > 0 ? c + 1 : m.Length)..].Trim().TrimEnd('.').Trim();
            var data = new FindingData().Set("reason", reason.Length > 0 ? reason : null).Set("after_oops", cause?.Function);
            sink.Emit(new SystemEvent(line, SystemEventKind.Panic, "kernel", reason, data.Fields));
            return true;
        }

        if (Fault(m) is { } fault)
        {
            var number = OopsNumber(m);
            if (open is { } o && Near(o, line) && o.Number is null && number is not null)
            {
                o.Number = number;   // "BUG: …" then "Oops: 0000 [#1]"; "kernel BUG at …" then "invalid opcode: 0000 [#1]"
                o.Lines.Add(line);
                return true;
            }

            Flush(sink);
            open = new Report(line, fault, number, Address(m));
            return true;
        }

        if (open is not { } report || !Near(report, line))
        {
            return false;
        }

        if (report.Function is null && Instruction(m) is { } at)
        {
            (report.Function, report.Module) = at;
            report.Lines.Add(line);
            return true;
        }

        if (report.Comm is null && m.Contains(" Comm: ", StringComparison.Ordinal) && m.Contains("PID: ", StringComparison.Ordinal))
        {
            report.Pid = MessageText.NumberAfter(m, "PID: ") is { } pid and <= int.MaxValue ? (long)pid : null;
            var start = m.IndexOf(" Comm: ", StringComparison.Ordinal) + 7;
            var end = IndexOfAny(m, start, " Tainted:", " Not tainted");
            report.Comm = m[start..end].Trim();
            report.Tainted = m.Contains(" Tainted:", StringComparison.Ordinal) ? m[(m.IndexOf(" Tainted:", StringComparison.Ordinal) + 9)..].Trim() : null;
            report.Lines.Add(line);
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
        var data = new FindingData()
            .Set("fault", r.Fault)
            .Set("function", r.Function)
            .Set("module", r.Module)
            .Set("pid", r.Pid)
            .Set("comm", r.Comm)
            .Set("oops_number", r.Number)
            .Set("address", r.Address)
            .Set("tainted", r.Tainted);
        var where = r.Function is null ? "" : $" in {r.Function}{(r.Module is null ? "" : $" [{r.Module}]")}";
        var who = r.Comm is null ? "" : $" (task {r.Comm}{(r.Pid is { } p ? $", pid {p}" : "")})";
        ReportEmitter.Emit(sink, new SystemEvent(r.First, SystemEventKind.Oops, r.Function ?? r.Fault, $"{r.Fault}{where}{who}", data.Fields), r.Lines);
    }

    private static bool Near(Report report, LogLine line) =>
        line.Source == report.First.Source && line.LineNumber >= report.First.LineNumber && line.LineNumber - report.First.LineNumber <= ReportLines;

    /// <summary>What kind of fault the line reports, or null when it reports none.</summary>
    private static string? Fault(string m) => m switch
    {
        _ when m.StartsWith("BUG: kernel NULL pointer dereference", StringComparison.Ordinal)
            || m.StartsWith("BUG: unable to handle kernel NULL pointer", StringComparison.Ordinal)
            || m.StartsWith("Unable to handle kernel NULL pointer", StringComparison.Ordinal) => "NULL pointer dereference",
        _ when m.StartsWith("BUG: unable to handle", StringComparison.Ordinal) || m.StartsWith("Unable to handle kernel ", StringComparison.Ordinal) => "bad memory access (page fault)",
        _ when m.StartsWith("general protection fault", StringComparison.Ordinal) => "general protection fault",
        _ when m.StartsWith("divide error: ", StringComparison.Ordinal) => "divide error",
        _ when m.StartsWith("invalid opcode: ", StringComparison.Ordinal) => "invalid opcode",
        _ when m.StartsWith("kernel BUG at ", StringComparison.Ordinal) => $"kernel BUG at {BugSite(m)}",
        _ when m.StartsWith("Oops [#", StringComparison.Ordinal) || m.StartsWith("Internal error: Oops", StringComparison.Ordinal) => "oops",   // RISC-V; ARM
        _ when m.StartsWith("Oops: ", StringComparison.Ordinal) => m.StartsWith("Oops: general protection fault", StringComparison.Ordinal) ? "general protection fault" : "oops",
        _ => null,
    };

    /// <summary><c>fs/ext4/inode.c:2422</c> of <c>kernel BUG at /home/…/linux-4.4.14/fs/ext4/inode.c:2422!</c> (a build path cut to the source tree).</summary>
    private static string BugSite(string m)
    {
        var site = m[14..].TrimEnd('!', ' ');
        foreach (var top in (string[])["/fs/", "/mm/", "/kernel/", "/drivers/", "/net/", "/block/", "/arch/", "/include/", "/lib/"])
        {
            if (site.IndexOf(top, StringComparison.Ordinal) is var at and >= 0)
            {
                return site[(at + 1)..];
            }
        }

        return site;
    }

    private static long? OopsNumber(string m) =>
        MessageText.WholeNumber(MessageText.Between(m, "[#", ']'));

    private static string? Address(string m)
    {
        var word = MessageText.WordAfter(m, "address: ") ?? MessageText.WordAfter(m, "dereference at ") ?? MessageText.WordAfter(m, "non-canonical address ");
        return word?.TrimEnd(':');
    }

    /// <summary>The function and module of the faulting instruction line, or null when the line is not one.</summary>
    private static (string Function, string? Module)? Instruction(string m)
    {
        string rest;
        if (m.StartsWith("RIP: ", StringComparison.Ordinal) || m.StartsWith("EIP: ", StringComparison.Ordinal))
        {
            rest = m[5..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            rest = colon is > 0 and <= 5 ? rest[(colon + 1)..] : rest;
        }
        else if (m.StartsWith("IP: ", StringComparison.Ordinal))
        {
            rest = m[4..];
        }
        else if (m.StartsWith("PC is at ", StringComparison.Ordinal))
        {
            rest = m[9..];
        }
        else
        {
            return null;
        }

        // "[<ffffffff812acace>]  [<ffffffff812acace>] mpage_prepare_extent_to_map+0x2ce/0x2f0": the symbol follows the last "] ".
        if (rest.StartsWith("[<", StringComparison.Ordinal))
        {
            var last = rest.LastIndexOf(">] ", StringComparison.Ordinal);
            rest = last >= 0 ? rest[(last + 3)..] : rest;
        }

        rest = rest.Trim();
        if (rest.Length == 0 || rest.StartsWith('['))
        {
            return null;
        }

        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var symbol = space < 0 ? rest : rest[..space];
        var module = space < 0 ? null : MessageText.Between(rest, "[", ']', space);
        var plus = symbol.IndexOf('+', StringComparison.Ordinal);
        var function = plus > 0 ? symbol[..plus] : symbol;
        return (function, module);
    }

    private static int IndexOfAny(string m, int start, params string[] ends)
    {
        var best = m.Length;
        foreach (var end in ends)
        {
            var at = m.IndexOf(end, start, StringComparison.Ordinal);
            if (at >= 0 && at < best)
            {
                best = at;
            }
        }

        return best;
    }

    private sealed class Report(LogLine first, string fault, long? number, string? address)
    {
        public LogLine First { get; } = first;

        public string Fault { get; } = fault;

        public long? Number { get; set; } = number;

        public string? Address { get; } = address;

        public string? Function { get; set; }

        public string? Module { get; set; }

        public long? Pid { get; set; }

        public string? Comm { get; set; }

        public string? Tainted { get; set; }

        public List<LogLine> Lines { get; } = [];
    }
}
