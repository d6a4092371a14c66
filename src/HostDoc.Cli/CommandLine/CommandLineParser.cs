using System.Globalization;
using HostDoc.Checks;
using HostDoc.Findings;
using HostDoc.Output;

namespace HostDoc.Cli.CommandLine;

/// <summary>
/// Phase one of the CLI: turns the arguments into an <see cref="Invocation"/> or a
/// <see cref="UsageError"/> without touching the system. Global options (<c>--root</c>,
/// <c>--color</c>) may stand anywhere; each option is defined once, here.
/// </summary>
internal sealed class CommandLineParser(CheckCatalog catalog)
{
    public const int DefaultTimeoutSeconds = 10;

    public (Invocation? Invocation, UsageError? Error) Parse(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args);
        string? root = null;
        var color = ColorMode.Auto;
        string? command = null;
        var rest = new List<string>();
        var help = false;
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            switch (arg)
            {
                case "--root":
                    if (!reader.TryTakeValue(out var dir) || dir.Length == 0)
                    {
                        return Fail("--root needs a directory", command);
                    }

                    root = dir;
                    break;
                case "--color" or "--colour":
                    if (!reader.TryTakeValue(out var mode) || !TryColor(mode, out color))
                    {
                        return Fail("--color takes auto, always or never", command);
                    }

                    break;
                case "--help" or "-?":
                    help = true;
                    break;
                case "--version" when command is null:
                    return (new VersionInvocation(new GlobalOptions(root, color)), null);
                default:
                    if (command is null && !arg.StartsWith('-'))
                    {
                        command = arg;
                    }
                    else if (command is null)
                    {
                        return Fail($"unknown option {arg} (try hostdoc --help)", null);
                    }
                    else
                    {
                        rest.Add(reader.HasUnusedInlineValue ? arg + "=" + TakeInline(reader) : arg);
                    }

                    break;
            }
        }

        var global = new GlobalOptions(root, color);
        if (help || command is null or "help")
        {
            var topic = command == "help" ? rest.FirstOrDefault() : command;
            return (new HelpInvocation(global, topic), null);
        }

        return command switch
        {
            "report" => ParseReport(global, rest),
            "mem" => ParseMem(global, rest),
            "df" => ParseDf(global, rest),
            "tmpfs-resize" => ParseTmpfsResize(global, rest),
            "stuck" => ParseStuck(global, rest),
            "irq" => ParseIrq(global, rest),
            "affinity" => ParseAffinity(global, rest),
            "devices" => ParseDevices(global, rest),
            "cpus" => rest.Count == 0 ? (new CpusInvocation(global), null) : Fail("cpus takes no arguments", null),
            "cpuset" => rest.Count <= 1 ? (new CpusetInvocation(global, rest.FirstOrDefault()), null) : Fail("cpuset takes at most a PATH", null),
            "check" => ParseCheck(global, rest),
            "version" => (new VersionInvocation(global), null),
            _ => Fail($"unknown command \"{command}\" (commands: report, mem, df, devices, tmpfs-resize, stuck, irq, cpus, cpuset, affinity, check; try hostdoc --help)", null),
        };
    }

    private static string TakeInline(ArgumentReader reader) => reader.TryTakeValue(out var value) ? value : "";

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

    private (Invocation?, UsageError?) ParseCheck(GlobalOptions global, List<string> args)
    {
        if (args.Count == 0)
        {
            return Fail($"check needs a name: {string.Join(", ", catalog.All.Select(c => c.Name))}", "check");
        }

        if (args[0] is "--list" or "list")
        {
            return (new ListChecksInvocation(global), null);
        }

        if (catalog.Find(args[0]) is not { } check)
        {
            return Fail($"no check named \"{args[0]}\" (checks: {string.Join(", ", catalog.All.Select(c => c.Name))})", args[0]);
        }

        if (check.Name == "disk" && IsCheckDiskCommandLine(args))
        {
            return (new CheckDiskInvocation(global, args.Skip(1).ToArray()), null);
        }

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var warnings = new Dictionary<string, NagiosRange>(StringComparer.Ordinal);
        var criticals = new Dictionary<string, NagiosRange>(StringComparer.Ordinal);
        var verbose = false;
        var timeout = DefaultTimeoutSeconds;
        var reader = new ArgumentReader(args.Skip(1).Where(a => a != "--native").ToArray());
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            if (arg is "-h")
            {
                return (new HelpInvocation(global, "check"), null);
            }

            if (arg is "-v" or "--verbose")
            {
                verbose = true;
                continue;
            }

            if (check.Options.FirstOrDefault(o => "--" + o.Name == arg) is { } option)
            {
                var given = "";
                if (option.TakesValue && !reader.TryTakeValue(out given))
                {
                    return Fail($"{arg} needs a value", check.Name);
                }

                (values.TryGetValue(option.Name, out var list) ? list : values[option.Name] = []).Add(given);
                continue;
            }

            if (!reader.TryTakeValue(out var value))
            {
                return Fail($"{arg} needs a value", check.Name);
            }

            if (arg is "-t" or "--timeout")
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timeout) || timeout == 0)
                {
                    return Fail($"--timeout takes a whole number of seconds above 0, not \"{value}\"", check.Name);
                }

                continue;
            }

            if (!TryThresholdTarget(check, arg, out var key, out var isWarning))
            {
                return Fail($"unknown option {arg} for check {check.Name} (see hostdoc check {check.Name} --help)", check.Name);
            }

            if (!NagiosRange.TryParse(value, out var range, out var error))
            {
                return Fail($"{arg} \"{value}\" is not a threshold range: {error}", check.Name);
            }

            (isWarning ? warnings : criticals)[key] = range;
        }

        return (new CheckInvocation(global, check.Name, warnings, criticals,
            values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal), verbose, timeout), null);
    }

    /// <summary>
    /// <c>check disk</c> is check_disk-compatible whenever it is given anything besides -t/-v, unless
    /// --native is among the arguments: a pasted Nagios command line then behaves as it always did.
    /// </summary>
    private static bool IsCheckDiskCommandLine(List<string> args)
    {
        if (args.Contains("--native"))
        {
            return false;
        }

        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "-v" or "--verbose")
            {
                continue;
            }

            if (args[i] is "-t" or "--timeout")
            {
                i++;
                continue;
            }

            return true;
        }

        return false;
    }

    private static bool TryThresholdTarget(ICheck check, string option, out string key, out bool isWarning)
    {
        (key, isWarning) = (check.Thresholds[0].Key, option is "-w" or "--warning");
        if (option is "-w" or "--warning" or "-c" or "--critical")
        {
            return true;
        }

        foreach (var spec in check.Thresholds)
        {
            if (option == $"--{spec.Key}-warning" || option == $"--{spec.Key}-critical")
            {
                (key, isWarning) = (spec.Key, option.EndsWith("-warning", StringComparison.Ordinal));
                return true;
            }
        }

        return false;
    }

    private static bool TryColor(string text, out ColorMode mode)
    {
        mode = text switch { "always" => ColorMode.Always, "never" => ColorMode.Never, _ => ColorMode.Auto };
        return text is "auto" or "always" or "never";
    }

    private static (Invocation?, UsageError?) Fail(string message, string? check) => (null, new UsageError(message, check));
}
