using System.Globalization;
using System.Text.Json;
using HostDoc.Network;
using HostDoc.Proc.Net;

namespace HostDoc.Output;

/// <summary><c>hostdoc net</c>: the report as text, or JSON as <c>hostdoc.net/1</c>.</summary>
public static class NetWriter
{
    /// <summary>The JSON document's schema name.</summary>
    public const string Schema = "hostdoc.net/1";

    private static readonly string[] SoftnetCounters = ["processed", "dropped", "time_squeeze"];

    private static readonly string[] InterfaceCounters =
        ["rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "rx_missed_errors", "tx_bytes", "tx_packets", "tx_errors", "tx_dropped", "carrier_changes"];

    /// <summary>The report as text.</summary>
    public static void Write(TextWriter w, NetworkReport report, TextStyle style)
    {
        var window = report.Window;
        var span = window.SinceBoot ? "since boot" : string.Create(CultureInfo.InvariantCulture, $"per second over {window.Seconds ?? 0:0.##} s");
        w.Write(style.Bold($"Interfaces ({span})") + "\n");
        foreach (var i in report.Interfaces)
        {
            w.Write($"  {i.Name,-10} {i.OperState ?? "?",-8} {(i.Driver is { } d ? d + ": " : "")}{i.Kind.Meaning}\n");
            var link = new List<string>();
            if (i.SpeedMbps is { } speed)
            {
                link.Add($"{speed.ToString(CultureInfo.InvariantCulture)} Mb/s {i.Duplex}");
            }

            if (i.Mtu is { } mtu)
            {
                link.Add("mtu " + mtu.ToString(CultureInfo.InvariantCulture));
            }

            if (i.Address is { } address)
            {
                link.Add(address);
            }

            if (i.VendorId is { } vendor)
            {
                link.Add($"{i.Bus ?? "device"} {vendor}:{i.DeviceId}");
            }

            link.Add($"{i.ReceiveQueues.ToString(CultureInfo.InvariantCulture)} rx / {i.TransmitQueues.ToString(CultureInfo.InvariantCulture)} tx queues");
            w.Write($"             {string.Join(", ", link)}\n");
            if (i.Irqs.Count > 0)
            {
                w.Write($"             irqs {string.Join(", ", i.Irqs.Select(q => $"{q.Irq.ToString(CultureInfo.InvariantCulture)} {q.Name} → CPU {q.Cpus ?? "?"}"))}\n");
            }

            w.Write($"             received {Value(window, Dev(i.Name, "rx_bytes"), bytes: true)} in {Value(window, Dev(i.Name, "rx_packets"))} packets, " +
                $"errors {Value(window, Dev(i.Name, "rx_errors"))}, drops {Value(window, Dev(i.Name, "rx_dropped"))}; sent {Value(window, Dev(i.Name, "tx_bytes"), bytes: true)} in " +
                $"{Value(window, Dev(i.Name, "tx_packets"))} packets, errors {Value(window, Dev(i.Name, "tx_errors"))}, drops {Value(window, Dev(i.Name, "tx_dropped"))}; " +
                $"carrier changes {Value(window, Dev(i.Name, "carrier_changes"))}\n");
        }

        w.Write(style.Bold("TCP listeners") + "\n");
        foreach (var l in report.Listeners)
        {
            w.Write($"  {l.Endpoint,-28} queue {l.Queue.ToString(CultureInfo.InvariantCulture)} / backlog {l.Backlog?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(l.IsFull ? "  FULL" : "")}\n");
        }

        var states = string.Join(", ", report.TcpStates.OrderBy(s => s.Key).Select(s => $"{Word(s.Key)} {s.Value.ToString(CultureInfo.InvariantCulture)}"));
        w.Write(style.Bold("Sockets") + $"  {(states.Length > 0 ? states : "none")}\n");
        if (report.Sockstat is { } sockstat)
        {
            foreach (var group in sockstat.Entries.GroupBy(e => e.Protocol))
            {
                w.Write($"  {group.Key + ":",-9} {string.Join(" ", group.Select(e => $"{e.Key} {e.Value.ToString(CultureInfo.InvariantCulture)}"))}\n");
            }
        }

        w.Write(style.Bold($"Protocol counters ({span})") + "\n");
        foreach (var key in NetworkReport.ProtocolCounters.Where(k => window.After[k] is not null))
        {
            w.Write($"  {key.Replace('_', ' '),-30} {Value(window, key)}\n");
        }

        if (report.Sysctls is { ConntrackMax: { } max } s && s.ConntrackCount is { } count)
        {
            w.Write(style.Bold("Conntrack") + string.Create(CultureInfo.InvariantCulture, $"  {count:N0} of {max:N0} ({(max > 0 ? 100.0 * count / max : 0):0.#} %)") +
                $", drop {Value(window, "conntrack/drop")}, early_drop {Value(window, "conntrack/early_drop")}, insert_failed {Value(window, "conntrack/insert_failed")}\n");
        }

        w.Write(style.Bold($"Softnet ({span})") + "\n  CPU     processed     dropped  time_squeeze\n");
        foreach (var cpu in window.After.SoftnetCpus)
        {
            var c = cpu.ToString(CultureInfo.InvariantCulture);
            w.Write($"  {c,-3} {Value(window, $"softnet/{c}/processed"),13} {Value(window, $"softnet/{c}/dropped"),11} {Value(window, $"softnet/{c}/time_squeeze"),13}\n");
        }

        if (report.Sysctls is { } sysctls)
        {
            var pairs = new (string, ulong?)[]
            {
                ("somaxconn", sysctls.Somaxconn), ("tcp_max_syn_backlog", sysctls.TcpMaxSynBacklog), ("tcp_syncookies", sysctls.TcpSyncookies),
                ("netdev_max_backlog", sysctls.NetdevMaxBacklog), ("netdev_budget", sysctls.NetdevBudget), ("netdev_budget_usecs", sysctls.NetdevBudgetUsecs), ("rmem_max", sysctls.RmemMax),
            };
            w.Write(style.Bold("Sysctls") + "  " + string.Join(", ", pairs.Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2!.Value.ToString(CultureInfo.InvariantCulture)}")) + "\n");
        }

        if (report.Consoles.Count > 0)
        {
            w.Write(style.Bold("Consoles") + "  " + string.Join("; ", report.Consoles.Select(c => $"{c.Registered.Name}{(c.Options is { } o ? " " + o : "")} ({string.Join(", ", Flags(c.Registered))})")) + "\n");
        }
    }

    /// <summary>The report as one JSON document.</summary>
    public static void WriteJson(TextWriter writer, NetworkReport report, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var window = report.Window;
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteBoolean("since_boot", window.SinceBoot);
            if (window.Seconds is { } seconds)
            {
                json.WriteNumber("window_seconds", Math.Round(seconds, 3));
            }

            json.WriteStartArray("interfaces");
            foreach (var i in report.Interfaces)
            {
                json.WriteStartObject();
                json.WriteString("name", i.Name);
                JsonParts.WriteOptional(json, "driver", i.Driver);
                json.WriteString("kind", i.Kind.Kind.ToString().ToLowerInvariant());
                json.WriteString("driver_meaning", i.Kind.Meaning);
                JsonParts.WriteOptional(json, "bus", i.Bus);
                JsonParts.WriteOptional(json, "vendor_id", i.VendorId);
                JsonParts.WriteOptional(json, "device_id", i.DeviceId);
                JsonParts.WriteOptional(json, "operstate", i.OperState);
                JsonParts.WriteOptional(json, "speed_mbps", i.SpeedMbps);
                JsonParts.WriteOptional(json, "duplex", i.Duplex);
                JsonParts.WriteOptional(json, "mtu", i.Mtu);
                JsonParts.WriteOptional(json, "address", i.Address);
                json.WriteNumber("rx_queues", i.ReceiveQueues);
                json.WriteNumber("tx_queues", i.TransmitQueues);
                json.WriteStartArray("irqs");
                foreach (var q in i.Irqs)
                {
                    json.WriteStartObject();
                    json.WriteNumber("irq", q.Irq);
                    JsonParts.WriteOptional(json, "name", q.Name);
                    JsonParts.WriteOptional(json, "cpus", q.Cpus);
                    JsonParts.WriteOptional(json, "count", q.Count is { } n ? (long?)Math.Min(n, long.MaxValue) : null);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                Counters(json, window, InterfaceCounters.Select(k => (k, Dev(i.Name, k))));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("listeners");
            foreach (var l in report.Listeners)
            {
                json.WriteStartObject();
                json.WriteString("address", l.Address.ToString());
                json.WriteNumber("port", l.Port);
                json.WriteNumber("queue", l.Queue);
                if (l.Backlog is { } backlog)
                {
                    json.WriteNumber("backlog", backlog);
                }

                json.WriteBoolean("full", l.IsFull);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("tcp_states");
            foreach (var (state, n) in report.TcpStates.OrderBy(s => s.Key))
            {
                json.WriteNumber(Word(state).ToLowerInvariant().Replace('-', '_'), n);
            }

            json.WriteEndObject();
            json.WriteStartArray("sockstat");
            foreach (var e in report.Sockstat?.Entries ?? [])
            {
                json.WriteStartObject();
                json.WriteString("protocol", e.Protocol);
                json.WriteString("key", e.Key);
                json.WriteNumber("value", e.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("protocol");
            Counters(json, window, NetworkReport.ProtocolCounters.Select(k => (k, k)));
            json.WriteEndObject();
            json.WriteStartArray("softnet");
            foreach (var cpu in window.After.SoftnetCpus)
            {
                json.WriteStartObject();
                json.WriteNumber("cpu", cpu);
                var c = cpu.ToString(CultureInfo.InvariantCulture);
                Counters(json, window, SoftnetCounters.Select(k => (k, $"softnet/{c}/{k}")));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("sysctls");
            if (report.Sysctls is { } s)
            {
                foreach (var (name, value) in new (string, ulong?)[]
                {
                    ("somaxconn", s.Somaxconn), ("tcp_max_syn_backlog", s.TcpMaxSynBacklog), ("tcp_syncookies", s.TcpSyncookies), ("netdev_max_backlog", s.NetdevMaxBacklog),
                    ("netdev_budget", s.NetdevBudget), ("netdev_budget_usecs", s.NetdevBudgetUsecs), ("rmem_max", s.RmemMax),
                    ("nf_conntrack_count", s.ConntrackCount), ("nf_conntrack_max", s.ConntrackMax),
                })
                {
                    if (value is { } v)
                    {
                        json.WriteNumber(name, v);
                    }
                }
            }

            json.WriteEndObject();
            json.WriteStartArray("consoles");
            foreach (var c in report.Consoles)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Registered.Name);
                JsonParts.WriteOptional(json, "options", c.Options);
                JsonParts.WriteStrings(json, "flags", Flags(c.Registered));
                JsonParts.WriteOptional(json, "device", c.Registered.Device?.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            JsonParts.WriteStrings(json, "problems", report.Problems.Select(p => p.ToString()));
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    /// <summary>"counters": what each rose in the window (the totals since boot), and "per_second" over an interval.</summary>
    private static void Counters(Utf8JsonWriter json, NetworkWindow window, IEnumerable<(string Name, string Key)> counters)
    {
        var present = counters.Where(c => window.After[c.Key] is not null).ToArray();
        json.WriteStartObject("counters");
        foreach (var (name, key) in present)
        {
            json.WriteNumber(name, window.Delta(key) ?? 0);
        }

        json.WriteEndObject();
        if (!window.SinceBoot && window.Seconds is > 0)
        {
            json.WriteStartObject("per_second");
            foreach (var (name, key) in present)
            {
                json.WriteNumber(name, Math.Round((window.Delta(key) ?? 0) / window.Seconds.Value, 3));
            }

            json.WriteEndObject();
        }
    }

    private static string Value(NetworkWindow window, string key, bool bytes = false)
    {
        if (window.Delta(key) is not { } delta)
        {
            return "-";
        }

        var value = !window.SinceBoot && window.Seconds is > 0 ? delta / window.Seconds.Value : delta;
        return bytes ? Bytes(value) + (window.SinceBoot ? "" : "/s")
            : value.ToString(window.SinceBoot ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);
    }

    private static string Bytes(double value) =>
        value >= 1e9 ? (value / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB"
        : value >= 1e6 ? (value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : value >= 1e3 ? (value / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " kB"
        : value.ToString("0", CultureInfo.InvariantCulture) + " B";

    private static string Dev(string name, string counter) => $"dev/{name}/{counter}";

    private static IEnumerable<string> Flags(Proc.ConsoleDevice c)
    {
        if (c.Enabled)
        {
            yield return "enabled";
        }

        if (c.Preferred)
        {
            yield return "preferred";
        }

        if (c.Boot)
        {
            yield return "boot";
        }

        if (c.CanWrite)
        {
            yield return "write";
        }

        if (c.CanRead)
        {
            yield return "read";
        }
    }

    private static string Word(TcpState state) => state switch
    {
        TcpState.Established => "ESTAB",
        TcpState.SynSent => "SYN-SENT",
        TcpState.SynRecv => "SYN-RECV",
        TcpState.FinWait1 => "FIN-WAIT-1",
        TcpState.FinWait2 => "FIN-WAIT-2",
        TcpState.TimeWait => "TIME-WAIT",
        TcpState.Close => "UNCONN",
        TcpState.CloseWait => "CLOSE-WAIT",
        TcpState.LastAck => "LAST-ACK",
        TcpState.Listen => "LISTEN",
        TcpState.Closing => "CLOSING",
        TcpState.NewSynRecv => "NEW-SYN-RECV",
        _ => "UNKNOWN",
    };
}
