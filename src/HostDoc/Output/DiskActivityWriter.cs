using System.Globalization;
using System.Text.Json;
using HostDoc.Storage;

namespace HostDoc.Output;

/// <summary>
/// <c>hostdoc iostat</c>: the <c>iostat -x</c> columns, in its order and with its two decimals, so
/// the numbers can be read side by side with sysstat's; JSON as <c>hostdoc.iostat/1</c>.
/// </summary>
public static class DiskActivityWriter
{
    /// <summary>The JSON document's schema name.</summary>
    public const string Schema = "hostdoc.iostat/1";

    private static readonly string[] Columns =
    [
        "r/s", "rkB/s", "rrqm/s", "%rrqm", "r_await", "rareq-sz", "w/s", "wkB/s", "wrqm/s", "%wrqm", "w_await", "wareq-sz",
        "d/s", "dkB/s", "drqm/s", "%drqm", "d_await", "dareq-sz", "f/s", "f_await", "aqu-sz", "%util", "inflight",
    ];

    /// <summary>One report as a table: a header line saying over what interval, then a row per device.</summary>
    public static void Write(TextWriter writer, DiskActivityReport report, IReadOnlyDictionary<string, string>? labels, TextStyle style)
    {
        writer.Write(style.Bold(report.SinceBoot
            ? string.Create(CultureInfo.InvariantCulture, $"since boot ({report.IntervalSeconds:0.00} s): averages since each device appeared")
            : string.Create(CultureInfo.InvariantCulture, $"over {report.IntervalSeconds:0.00} s")));
        writer.Write('\n');
        var names = report.Devices.Select(d => Label(d, labels)).ToArray();
        var width = Math.Max(13, names.Length == 0 ? 0 : names.Max(n => n.Length) + 1);
        writer.Write("Device".PadRight(width));
        writer.Write(string.Concat(Columns.Select(c => c.PadLeft(9))));
        writer.Write('\n');
        for (var i = 0; i < report.Devices.Count; i++)
        {
            var d = report.Devices[i];
            writer.Write(names[i].PadRight(width));
            foreach (var (value, timed) in Values(d))
            {
                writer.Write(" " + (timed && !d.HasTimes ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture)).PadLeft(8));
            }

            writer.Write(" " + (d.HasTimes ? d.InFlight.ToString(CultureInfo.InvariantCulture) : "-").PadLeft(8));
            writer.Write('\n');
        }
    }

    /// <summary>One JSON document per report (a line each when several are written).</summary>
    public static void WriteJson(TextWriter writer, DiskActivityReport report, IReadOnlyDictionary<string, string>? labels, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteNumber("interval_seconds", report.IntervalSeconds);
            json.WriteBoolean("since_boot", report.SinceBoot);
            json.WriteStartArray("devices");
            foreach (var d in report.Devices)
            {
                json.WriteStartObject();
                json.WriteString("name", d.Name);
                json.WriteString("device", d.Device.ToString());
                if (labels?.GetValueOrDefault(d.Name) is { } label)
                {
                    json.WriteString("label", label);
                }

                json.WriteBoolean("has_times", d.HasTimes);
                var values = Values(d).ToArray();
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i].Timed && !d.HasTimes)
                    {
                        json.WriteNull(JsonName(Columns[i]));
                    }
                    else
                    {
                        json.WriteNumber(JsonName(Columns[i]), values[i].Value);
                    }
                }

                json.WriteNumber("await", d.Await);
                json.WriteNumber("inflight", d.InFlight);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    /// <summary>r/s → r_per_s, %util → util_percent, rareq-sz → rareq_kb: JSON member names.</summary>
    private static string JsonName(string column) =>
        (column.StartsWith('%') ? column[1..] + "_percent" : column)
            .Replace("kB/s", "kb_per_s", StringComparison.Ordinal).Replace("/s", "_per_s", StringComparison.Ordinal)
            .Replace("req-sz", "req_kb", StringComparison.Ordinal).Replace("aqu-sz", "aqu_sz", StringComparison.Ordinal);

    private static string Label(DiskActivity d, IReadOnlyDictionary<string, string>? labels) =>
        labels?.GetValueOrDefault(d.Name) is { } label ? $"{d.Name} ({label})" : d.Name;

    /// <summary>The figures in column order; Timed marks those a 2.6 partition line cannot give.</summary>
    private static IEnumerable<(double Value, bool Timed)> Values(DiskActivity d)
    {
        yield return (d.ReadsPerSecond, false);
        yield return (d.ReadKilobytesPerSecond, false);
        yield return (d.ReadMergesPerSecond, true);
        yield return (d.ReadMergePercent, true);
        yield return (d.ReadAwait, true);
        yield return (d.ReadRequestKilobytes, false);
        yield return (d.WritesPerSecond, false);
        yield return (d.WriteKilobytesPerSecond, false);
        yield return (d.WriteMergesPerSecond, true);
        yield return (d.WriteMergePercent, true);
        yield return (d.WriteAwait, true);
        yield return (d.WriteRequestKilobytes, false);
        yield return (d.DiscardsPerSecond, true);
        yield return (d.DiscardKilobytesPerSecond, true);
        yield return (d.DiscardMergesPerSecond, true);
        yield return (d.DiscardMergePercent, true);
        yield return (d.DiscardAwait, true);
        yield return (d.DiscardRequestKilobytes, true);
        yield return (d.FlushesPerSecond, true);
        yield return (d.FlushAwait, true);
        yield return (d.QueueSize, true);
        yield return (d.UtilizationPercent, true);
    }
}
