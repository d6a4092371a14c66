using System.Globalization;
using HostDoc.Checks;
using HostDoc.Findings;

namespace HostDoc.Cli.CommandLine;

/// <summary>
/// Phase one of the CLI: turns the arguments into an <see cref="Invocation"/> or a
/// <see cref="UsageError"/> without touching the system. Global options (<c>--root</c>,
/// <c>--snapshot</c>, <c>--color</c>) may stand anywhere; each option is defined once, here.
/// </summary>
internal sealed partial class CommandLineParser(CheckCatalog catalog)
{
    public const int DefaultTimeoutSeconds = 10;

    public (Invocation? Invocation, UsageError? Error) Parse(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args);
        string? root = null;
        string? snapshot = null;
        var color = ColorMode.Auto;
        string? command = null;
        var rest = new List<string>();
        var help = false;
        // A usage error in a check answers in the plugin's words (CHECK UNKNOWN, exit 3); in other commands, exit 2.
        string? Service() => command == "check" ? rest.FirstOrDefault() ?? "check" : null;
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            switch (arg)
            {
                case "--root":
                    if (!reader.TryTakeValue(out var dir) || dir.Length == 0)
                    {
                        return Fail("--root needs a directory", Service());
                    }

                    root = dir;
                    break;
                case "--snapshot":
                    if (!reader.TryTakeValue(out var file) || file.Length == 0)
                    {
                        return Fail("--snapshot needs a file (hostdoc collect's .tar.gz, or a tar of a tree)", Service());
                    }

                    snapshot = file;
                    break;
                case "--color" or "--colour":
                    if (!reader.TryTakeValue(out var mode) || !TryColor(mode, out color))
                    {
                        return Fail("--color takes auto, always or never", Service());
                    }

                    break;
                case "--help" or "-?":
                    help = true;
                    break;
                case "--version" when command is null:
                    return (new VersionInvocation(new GlobalOptions(root, color, snapshot)), null);
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

        if (root is not null && snapshot is not null)
        {
            return Fail("--root and --snapshot both name the host to read: give one", Service());
        }

        var global = new GlobalOptions(root, color, snapshot);
        if (command == "help" && rest is ["--man"])
        {
            return (new GenerateInvocation(global, "man"), null);
        }

        if (command == "help" && rest is ["--completion", var shell])
        {
            return shell is "bash" or "zsh" or "fish" ? (new GenerateInvocation(global, shell), null) : Fail($"help --completion takes bash, zsh or fish, not \"{shell}\"", null);
        }

        if (command == "help" && rest is ["--monitoring", var system])
        {
            return system is "icinga2" or "nagios" ? (new GenerateInvocation(global, system), null) : Fail($"help --monitoring takes icinga2 or nagios, not \"{system}\"", null);
        }

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
            "explain" => ParseExplain(global, rest),
            "stuck" => ParseStuck(global, rest),
            "logs" => ParseLogs(global, rest),
            "serve" => ParseServe(global, rest),
            "irq" => ParseIrq(global, rest),
            "iostat" => ParseIostat(global, rest),
            "net" => ParseNet(global, rest),
            "collect" => ParseCollect(global, rest),
            "affinity" => ParseAffinity(global, rest),
            "devices" => ParseDevices(global, rest),
            "decode" => ParseDecode(global, rest),
            "cpus" => rest.Count == 0 ? (new CpusInvocation(global), null) : Fail("cpus takes no arguments", null),
            "cpuset" => rest.Count <= 1 ? (new CpusetInvocation(global, rest.FirstOrDefault()), null) : Fail("cpuset takes at most a PATH", null),
            "check" => ParseCheck(global, rest),
            "version" => (new VersionInvocation(global), null),
            _ => Fail($"unknown command \"{command}\" (commands: {string.Join(", ", CommandNames())}; try hostdoc --help)", null),
        };
    }

    /// <summary>The commands as --help lists them (help itself aside).</summary>
    private IEnumerable<string> CommandNames() =>
        Help.CommandHelp.Parse(Commands.HelpText.For(null, catalog)).Where(c => c.Words.Count > 0).Select(c => c.Words[0]).Distinct(StringComparer.Ordinal).Where(w => w != "help");

    private static string TakeInline(ArgumentReader reader) => reader.TryTakeValue(out var value) ? value : "";

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

            var isTimeout = arg is "-t" or "--timeout";
            var key = "";
            var isWarning = false;
            if (!isTimeout && !TryThresholdTarget(check, arg, out key, out isWarning))
            {
                return Fail(check.Thresholds.Count == 0 && arg is "-w" or "--warning" or "-c" or "--critical"
                    ? $"check {check.Name} has no thresholds, so {arg} means nothing here (see hostdoc check {check.Name} --help)"
                    : $"unknown option {arg} for check {check.Name} (see hostdoc check {check.Name} --help)", check.Name);
            }

            if (!reader.TryTakeValue(out var value))
            {
                return Fail($"{arg} needs a value", check.Name);
            }

            if (isTimeout)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timeout) || timeout == 0)
                {
                    return Fail($"--timeout takes a whole number of seconds above 0, not \"{value}\"", check.Name);
                }

                continue;
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
        (key, isWarning) = (check.Thresholds.Count > 0 ? check.Thresholds[0].Key : "", option is "-w" or "--warning");
        if (check.Thresholds.Count > 0 && option is "-w" or "--warning" or "-c" or "--critical")
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
