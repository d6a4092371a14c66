using System.Globalization;
using System.Net;
using System.Text;
using HostDoc.Checks;
using HostDoc.Findings;
using HostDoc.Memory;
using HostDoc.Storage;

namespace HostDoc.Output;

/// <summary>
/// The report as one self-contained HTML page (no external assets: it works on an air-gapped host and
/// on a phone): findings by severity with explanation, evidence and advice; the memory breakdown and
/// device interrupts per CPU as inline SVG; the block-device tree. Optionally refreshes itself.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly Severity[] Order = [Severity.Critical, Severity.Warning, Severity.Unknown, Severity.Info];

    private const string Style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60em;padding:0 1em 3em;color:#1d1d1f;background:#fafafa}
        h1{font-size:1.3em;margin:.8em 0 .2em}h2{font-size:1.1em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}
        .meta{color:#666;font-size:.9em}.card{background:#fff;border:1px solid #ddd;border-left:5px solid #999;border-radius:6px;padding:.6em .9em;margin:.6em 0}
        .critical{border-left-color:#c62828}.warning{border-left-color:#ef8f00}.unknown{border-left-color:#6a1b9a}.info{border-left-color:#1565c0}
        .badge{display:inline-block;padding:0 .5em;border-radius:1em;color:#fff;font-size:.8em;font-weight:600;text-transform:uppercase}
        .b-critical{background:#c62828}.b-warning{background:#ef8f00}.b-unknown{background:#6a1b9a}.b-info{background:#1565c0}.b-ok{background:#2e7d32}
        .id{font-family:ui-monospace,monospace;font-size:.85em;color:#555}.summary{font-weight:600}
        table{border-collapse:collapse;font-size:.85em;width:100%}td{border-top:1px solid #eee;padding:.15em .4em;vertical-align:top;word-break:break-word}
        td:first-child{color:#555;white-space:nowrap}.advice{margin-top:.4em}pre{background:#fff;border:1px solid #ddd;padding:.6em;overflow-x:auto;font-size:.8em}
        ul.ok{padding-left:1.2em;font-size:.9em;color:#333}svg text{font:12px system-ui,sans-serif}
        .cause{border:1px dashed #bbb;border-radius:8px;padding:.3em .6em;margin:.8em 0}.cause-head{font-weight:600;color:#444}
        .effects{margin-left:1.6em}
        """;

    /// <summary>Writes the page.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="report">The findings.</param>
    /// <param name="memory">free's figures, for the memory chart; null to leave it out.</param>
    /// <param name="interruptsPerCpu">Device interrupts per CPU (CPU number, count), for the chart; empty to leave it out.</param>
    /// <param name="topology">The block devices, for the tree; null to leave it out.</param>
    /// <param name="refreshSeconds">Reload every this many seconds; null for never.</param>
    public static void Write(TextWriter writer, Report report, FreeSummary? memory, IReadOnlyList<(int Cpu, ulong Count)> interruptsPerCpu,
        BlockTopology? topology, int? refreshSeconds)
    {
        var b = new StringBuilder(32 * 1024);
        var host = report.Identity.Hostname ?? "(unknown host)";
        b.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        if (refreshSeconds is { } r)
        {
            b.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{r}\">");
        }

        b.Append("<title>hostdoc: ").Append(E(host)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        var worst = report.Worst;
        b.Append("<h1>").Append(E(host)).Append(" <span class=\"badge b-").Append(worst.Name()).Append("\">").Append(worst.Name()).Append("</span></h1>");
        b.Append("<div class=\"meta\">").Append(E(report.Identity.KernelRelease is { } k ? $"kernel {k} · " : ""))
            .Append(E($"read from {report.Source} at {report.Generated.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"))
            .Append(refreshSeconds is { } s ? E($" · refreshes every {s} s") : "").Append("</div>");

        var findings = report.Results.SelectMany(x => x.Findings).ToArray();
        foreach (var severity in Order)
        {
            var groups = CauseGroups.At(report, severity);
            if (groups.Count == 0)
            {
                continue;
            }

            b.Append("<h2>").Append(severity.Name()).Append(CultureInfo.InvariantCulture, $" ({groups.Sum(g => g.Consequences.Count + 1)})</h2>");
            foreach (var group in groups)
            {
                if (group.Consequences.Count == 0)
                {
                    Card(b, group.Root);
                    continue;
                }

                b.Append("<div class=\"cause\"><div class=\"cause-head\">").Append(E($"One cause, {group.Consequences.Count + 1} findings: {group.Root.Subject} and what follows from it")).Append("</div>");
                Card(b, group.Root);
                b.Append("<div class=\"effects\">");
                foreach (var consequence in group.Consequences)
                {
                    Card(b, consequence);
                }

                b.Append("</div></div>");
            }
        }

        var ok = findings.Where(f => f.Severity == Severity.Ok).ToArray();
        if (ok.Length > 0)
        {
            b.Append("<h2>ok</h2><ul class=\"ok\">");
            foreach (var f in ok)
            {
                b.Append("<li><span class=\"id\">").Append(E(f.Id)).Append("</span> ").Append(E(f.Subject)).Append(": ").Append(E(f.Summary)).Append("</li>");
            }

            b.Append("</ul>");
        }

        if (memory is not null)
        {
            b.Append("<h2>memory</h2>");
            MemoryChart(b, memory);
        }

        if (interruptsPerCpu.Count > 0)
        {
            b.Append("<h2>device interrupts per CPU</h2>");
            InterruptChart(b, interruptsPerCpu);
        }

        if (topology is { Devices.Count: > 0 })
        {
            var text = new StringWriter();
            DevicesWriter.WriteText(text, topology, new TextStyle(false));
            b.Append("<h2>block devices</h2><pre>").Append(E(text.ToString())).Append("</pre>");
        }

        b.Append("</body></html>\n");
        writer.Write(b.ToString());
    }

    private static void Card(StringBuilder b, Finding f)
    {
        var sev = f.Severity.Name();
        b.Append("<div class=\"card ").Append(sev).Append("\"><div><span class=\"badge b-").Append(sev).Append("\">").Append(sev)
            .Append("</span> <span class=\"id\">").Append(E(f.Id)).Append("</span> ").Append(E(f.Subject))
            .Append(f.CausedBy is { } cause ? " <span class=\"id\">caused by " + E(cause.ToString()) + "</span>" : "").Append("</div>");
        b.Append("<div class=\"summary\">").Append(E(f.Summary)).Append("</div><p>").Append(E(f.Explanation)).Append("</p>");
        if (f.Evidence.Count > 0)
        {
            b.Append("<table>");
            foreach (var e in f.Evidence)
            {
                b.Append("<tr><td>").Append(E(e.Label)).Append("</td><td>").Append(E(e.Value))
                    .Append(e.Source is { } s ? " <span class=\"id\">[" + E(s) + "]</span>" : "").Append("</td></tr>");
            }

            b.Append("</table>");
        }

        if (f.Advice.Length > 0)
        {
            b.Append("<div class=\"advice\"><b>What to do:</b> ").Append(E(f.Advice)).Append("</div>");
        }

        b.Append("</div>");
    }

    private static void MemoryChart(StringBuilder b, FreeSummary m)
    {
        var parts = new (string Label, ulong Bytes, string Color)[]
        {
            ("used", m.Used, "#c62828"), ("buffers", m.Buffers, "#ef8f00"), ("cache", m.Cache, "#1565c0"), ("free", m.Free, "#2e7d32"),
        };
        const double width = 600;
        var total = Math.Max(1.0, parts.Sum(p => (double)p.Bytes));
        b.Append("<svg id=\"memory-chart\" viewBox=\"0 0 600 70\" width=\"100%\" role=\"img\" aria-label=\"memory breakdown\">");
        double x = 0;
        var legendX = 0;
        foreach (var (label, bytes, color) in parts)
        {
            var w = width * bytes / total;
            b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"0\" width=\"{w:0.##}\" height=\"28\" fill=\"{color}\"><title>{label} {Quantity.Bytes(bytes)}</title></rect>");
            b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"42\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{legendX + 14}\" y=\"51\">{label} {E(Quantity.Bytes(bytes))}</text>");
            x += w;
            legendX += 150;
        }

        b.Append("</svg>");
        b.Append("<div class=\"meta\">").Append(E($"{Quantity.Bytes(m.Available)} available of {Quantity.Bytes(m.Total)}; swap {Quantity.Bytes(m.SwapUsed)} used of {Quantity.Bytes(m.SwapTotal)}")).Append("</div>");
    }

    private static void InterruptChart(StringBuilder b, IReadOnlyList<(int Cpu, ulong Count)> perCpu)
    {
        var max = Math.Max(1UL, perCpu.Max(p => p.Count));
        const int bar = 22;
        var height = (perCpu.Count * bar) + 4;
        b.Append(CultureInfo.InvariantCulture, $"<svg id=\"irq-chart\" viewBox=\"0 0 600 {height}\" width=\"100%\" role=\"img\" aria-label=\"device interrupts per CPU\">");
        for (var i = 0; i < perCpu.Count; i++)
        {
            var (cpu, count) = perCpu[i];
            var w = 440.0 * count / max;
            var y = i * bar;
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\">CPU{cpu}</text><rect x=\"60\" y=\"{y + 3}\" width=\"{w:0.##}\" height=\"16\" fill=\"#1565c0\"/><text x=\"{65 + w:0.##}\" y=\"{y + 15}\">{count:N0}</text>");
        }

        b.Append("</svg>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
