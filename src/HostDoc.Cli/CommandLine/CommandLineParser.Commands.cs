using HostDoc.KernelLog.Reading;
using System.Globalization;
using HostDoc.Output;

namespace HostDoc.Cli.CommandLine;

/// <summary>The per-command option grammars (everything but <c>check</c>).</summary>
internal sealed partial class CommandLineParser
{
    private static (Invocation?, UsageError?) ParseReport(GlobalOptions global, List<string> args)
    {
        var format = ReportFormat.Text;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            if (arg is "--format" or "-f" && reader.TryTakeValue(out var value))
            {
                switch (value)
                {
                    case "text": format = ReportFormat.Text; break;
                    case "json": format = ReportFormat.Json; break;
                    default: return Fail($"--format takes text or json, not \"{value}\"", null);
                }
            }
            else
            {
                return Fail($"report: unexpected \"{arg}\" (options: --format text|json)", null);
            }
        }

        return (new ReportInvocation(global, format), null);
    }

    private static (Invocation?, UsageError?) ParseMem(GlobalOptions global, List<string> args)
    {
        var unit = FreeUnit.Human;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--bytes" or "-b": unit = FreeUnit.Bytes; break;
                case "--kibi" or "-k": unit = FreeUnit.Kibibytes; break;
                case "--mebi" or "-m": unit = FreeUnit.Mebibytes; break;
                case "--gibi" or "-g": unit = FreeUnit.Gibibytes; break;
                case "--human" or "-h": unit = FreeUnit.Human; break;
                default: return Fail($"mem: unexpected \"{arg}\" (options: --bytes, --kibi, --mebi, --gibi, --human)", null);
            }
        }

        return (new MemInvocation(global, unit), null);
    }

    private static (Invocation?, UsageError?) ParseDf(GlobalOptions global, List<string> args)
    {
        var all = false;
        var bytes = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--all" or "-a": all = true; break;
                case "--bytes" or "-b": bytes = true; break;
                default: return Fail($"df: unexpected \"{arg}\" (options: --all, --bytes)", null);
            }
        }

        return (new DfInvocation(global, all, bytes), null);
    }

    private static (Invocation?, UsageError?) ParseTmpfsResize(GlobalOptions global, List<string> args)
    {
        ulong? inodes = null;
        var positional = new List<string>();
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            if (arg == "--nr-inodes")
            {
                if (!reader.TryTakeValue(out var value) || !ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return Fail("tmpfs-resize: --nr-inodes takes a whole number", null);
                }

                inodes = n;
            }
            else
            {
                positional.Add(arg);
            }
        }

        return positional.Count == 2
            ? (new TmpfsResizeInvocation(global, positional[0], positional[1], inodes), null)
            : Fail("tmpfs-resize takes MOUNT SIZE (e.g. hostdoc tmpfs-resize /dev/shm 10M)", null);
    }

    /// <summary>Defaults for a 3 a.m. look: five samples over two seconds.</summary>
    private static (Invocation?, UsageError?) ParseLogs(GlobalOptions global, List<string> args)
    {
        const string Usage = "logs: options are --format text|json, --since TIME, --until TIME (2014-03-18[ 13:27[:44]], today, yesterday, 30m, 2h, 7d), --host NAME, --boot N (journald: 0 this boot, -1 the one before, or a boot id) and FILE… (- for stdin)";
        var files = new List<string>();
        var hosts = new List<string>();
        string? boot = null;
        var json = false;
        LogTimeBound? since = null, until = null;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            switch (arg)
            {
                case "--format" when reader.TryTakeValue(out var format) && format is "text" or "json":
                    json = format == "json";
                    break;
                case "--since" or "-S" when reader.TryTakeValue(out var value):
                    since = LogTimeBound.Parse(value);
                    if (since is null)
                    {
                        return Fail($"logs: --since {value} is not a time; {Usage}", null);
                    }

                    break;
                case "--boot" or "-b" when reader.TryTakeValue(out var given):
                    boot = given;
                    break;
                case "--host" or "-H" when reader.TryTakeValue(out var host):
                    hosts.Add(host);
                    break;
                case "--until" or "-U" when reader.TryTakeValue(out var value):
                    until = LogTimeBound.Parse(value);
                    if (until is null)
                    {
                        return Fail($"logs: --until {value} is not a time; {Usage}", null);
                    }

                    break;
                default:
                    if (arg.StartsWith('-') && arg != "-")
                    {
                        return Fail(Usage, null);
                    }

                    files.Add(arg);
                    break;
            }
        }

        if (boot is not null && files.Count > 0)
        {
            return Fail($"logs: --boot reads the journal, not files; {Usage}", null);
        }

        return (new LogsInvocation(global, files, json, since, until, hosts, boot), null);
    }

    /// <summary>serve's options are hostdoc-serve's (<see cref="ServeOptions"/>): checked here, so a bad one never starts the server, then passed on as given.</summary>
    private static (Invocation?, UsageError?) ParseServe(GlobalOptions global, List<string> args)
    {
        var (_, error) = ServeOptions.Parse(args);
        return error is null or "" ? (new ServeInvocation(global, args.ToArray()), null) : Fail(error.Replace("hostdoc serve: ", "serve: ", StringComparison.Ordinal), null);
    }

    private static (Invocation?, UsageError?) ParseStuck(GlobalOptions global, List<string> args)
    {
        var samples = 5;
        var interval = 0.5;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            if (arg == "--samples" && reader.TryTakeValue(out var n) && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out samples) && samples > 0)
            {
                continue;
            }

            if (arg == "--interval" && reader.TryTakeValue(out var s)
                && double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out interval) && interval <= 3600)
            {
                continue;
            }

            return Fail("stuck: options are --samples N (at least 1) and --interval SECONDS", null);
        }

        return (new StuckInvocation(global, samples, interval), null);
    }

    private static (Invocation?, UsageError?) ParseIostat(GlobalOptions global, List<string> args)
    {
        var interval = 1.0;
        var count = 1;
        bool sinceBoot = false, partitions = false, json = false;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            if (arg == "--interval" && reader.TryTakeValue(out var s)
                && double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out interval) && interval is >= 0.01 and <= 3600)
            {
                continue;
            }

            if (arg == "--count" && reader.TryTakeValue(out var n) && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                continue;
            }

            if (arg is "--since-boot" or "--partitions" or "-p" && !reader.HasUnusedInlineValue)
            {
                sinceBoot |= arg == "--since-boot";
                partitions |= arg != "--since-boot";
                continue;
            }

            if (arg == "--format" && reader.TryTakeValue(out var format) && format is "text" or "json")
            {
                json = format == "json";
                continue;
            }

            return Fail("iostat: options are --interval SECONDS (0.01 to 3600, default 1), --count N (reports, default 1, 0 = until interrupted), --since-boot, --partitions and --format text|json", null);
        }

        return (new IostatInvocation(global, interval, count, sinceBoot, partitions, json), null);
    }

    private static (Invocation?, UsageError?) ParseNet(GlobalOptions global, List<string> args)
    {
        double? interval = null;
        var json = false;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            if (arg == "--interval" && reader.TryTakeValue(out var s)
                && double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0.1 and <= 3600)
            {
                interval = seconds;
                continue;
            }

            if (arg == "--format" && reader.TryTakeValue(out var format) && format is "text" or "json")
            {
                json = format == "json";
                continue;
            }

            return Fail("net: options are --interval SECONDS (0.1 to 3600; counters per second over it) and --format text|json", null);
        }

        return (new NetInvocation(global, interval, json), null);
    }

    private const string CollectUsage = "collect: options are -o FILE (- for standard output), --redact, --max-size SIZE (bytes, or 500k, 64M, 1G), "
        + "--include-logs DURATION (0, 30m, 12h, 2d; default 1d) and --timeout SECONDS (one read, 0.1 to 60; default 2)";

    private static (Invocation?, UsageError?) ParseCollect(GlobalOptions global, List<string> args)
    {
        if (global.Captured)
        {
            return Fail("collect reads the live host; a tree is a snapshot already (tar czf FILE -C TREE .)", null);
        }

        string? output = null;
        var redact = false;
        var maxBytes = HostDoc.Collect.CollectOptions.DefaultMaxBytes;
        var logs = HostDoc.Collect.CollectOptions.DefaultIncludeLogs;
        var timeout = HostDoc.Collect.CollectOptions.DefaultTimeout;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            string? value = null;
            var ok = arg switch
            {
                "-o" or "--output" => reader.TryTakeValue(out value) && value.Length > 0 && (output = value) is not null,
                "--redact" => redact = true,
                "--max-size" => reader.TryTakeValue(out value) && TrySize(value, out maxBytes),
                "--include-logs" => reader.TryTakeValue(out value) && TryDuration(value, out logs),
                "--timeout" => reader.TryTakeValue(out value) && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)
                               && s is >= 0.1 and <= 60 && (timeout = TimeSpan.FromSeconds(s)) > TimeSpan.Zero,
                _ => false,
            };
            if (!ok)
            {
                return Fail(value is null ? CollectUsage : $"collect: {arg} {value}: not understood; {CollectUsage[9..]}", null);
            }
        }

        return (new CollectInvocation(global, output, redact, maxBytes, logs, timeout), null);
    }

    /// <summary>A size: bytes, or with a binary suffix k, M, G (1k = 1024); at least 64 KiB.</summary>
    private static bool TrySize(string text, out long bytes)
    {
        bytes = 0;
        var shift = text.Length > 0 ? char.ToLowerInvariant(text[^1]) switch { 'k' => 10, 'm' => 20, 'g' => 30, _ => 0 } : 0;
        var digits = shift > 0 ? text[..^1] : text;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > (long.MaxValue >> 31))
        {
            return false;
        }

        bytes = n << shift;
        return bytes >= 64 * 1024;
    }

    /// <summary>A duration back from now: 0, or as --since takes it (30s, 10m, 12h, 2d).</summary>
    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text == "0")
        {
            return true;
        }

        if (HostDoc.KernelLog.Reading.LogTimeBound.Parse(text)?.Ago is { } ago && ago > TimeSpan.Zero)
        {
            duration = ago;
            return true;
        }

        return false;
    }

    private static (Invocation?, UsageError?) ParseIrq(GlobalOptions global, List<string> args)
    {
        double? interval = null;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            if (reader.Take() == "--interval" && reader.TryTakeValue(out var s)
                && double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600)
            {
                interval = seconds;
                continue;
            }

            return Fail("irq: the only option is --interval SECONDS (above 0)", null);
        }

        return (new IrqInvocation(global, interval), null);
    }

    /// <summary><c>affinity PID</c> or <c>affinity set PID LIST</c>; the list is validated here, before anything is touched.</summary>
    private static (Invocation?, UsageError?) ParseAffinity(GlobalOptions global, List<string> args)
    {
        const string usage = "affinity takes PID, or set PID LIST (e.g. hostdoc affinity set 1234 0-3,8)";
        var set = args.Count > 0 && args[0] == "set";
        var rest = set ? args.Skip(1).ToList() : args;
        if (rest.Count != (set ? 2 : 1) || !int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            return Fail(usage, null);
        }

        if (!set)
        {
            return (new AffinityInvocation(global, pid, null), null);
        }

        if (!HostDoc.Cpus.CpuList.TryParse(rest[1], out var cpus, out var error) || cpus.IsEmpty)
        {
            return Fail($"affinity set: \"{rest[1]}\" is not a CPU list{(error.Length > 0 ? ": " + error : " (it is empty)")}", null);
        }

        return (new AffinityInvocation(global, pid, cpus), null);
    }

    private static (Invocation?, UsageError?) ParseDevices(GlobalOptions global, List<string> args)
    {
        var json = false;
        string? name = null;
        var reader = new ArgumentReader(args);
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            if (arg is "--format" && reader.TryTakeValue(out var format) && format is "text" or "json")
            {
                json = format == "json";
            }
            else if (!arg.StartsWith('-') && name is null)
            {
                name = arg;
            }
            else
            {
                return Fail("devices: options are --format text|json and an optional device name", null);
            }
        }

        return (new DevicesInvocation(global, json, name), null);
    }

    private static (Invocation?, UsageError?) ParseDecode(GlobalOptions global, List<string> args)
    {
        const string usage = "decode takes sense HEX…, ata 'cmd …' ['res …'], or scsi-result 0xNNNNNNNN";
        if (args.Count >= 2 && args[0] == "ata" && args.Count <= 3)
        {
            return (new DecodeAtaInvocation(global, args[1], args.Count > 2 ? args[2] : null), null);
        }

        if (args.Count == 2 && args[0] == "scsi-result")
        {
            var text = args[1].StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? args[1][2..] : args[1];
            return uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var result)
                ? (new DecodeScsiResultInvocation(global, result), null)
                : Fail("decode scsi-result takes a hex result such as 0x08000002", null);
        }

        if (args.Count < 2 || args[0] != "sense")
        {
            return Fail(usage, null);
        }

        return HostDoc.KernelLog.Decoders.SenseData.TryParseHex(args.Skip(1), out var bytes, out var error)
            ? (new DecodeSenseInvocation(global, bytes), null)
            : Fail("decode sense: " + error, null);
    }
}
