using System.Globalization;
using HostDoc.Findings;

namespace HostDoc.Checks.CheckDisk;

/// <summary>
/// check_disk 2.x's command line (Debian 12's monitoring-plugins 2.3.3): getopt short options
/// with attached or separate values, the long names, thresholds bound positionally to the -p/-r/-R/-A
/// that follow them, and the legacy positional "W C [PATH]" used-percent form. Error texts and exit
/// codes are check_disk's. Deliberate differences: -w/-c/-W/-K values that are not numbers are
/// rejected (2.3.3 reads them as 0), and -N selects by type (2.3.3 ignores it).
/// </summary>
public static class CheckDiskParser
{
    private const string WithValue = "tcwKWupxXNgRriI";
    private const string Flags = "?VqhvefCmklLPMEA";

    private static readonly Dictionary<string, char> LongNames = new(StringComparer.Ordinal)
    {
        ["timeout"] = 't', ["warning"] = 'w', ["critical"] = 'c', ["iwarning"] = 'W', ["icritical"] = 'K',
        ["kilobytes"] = 'k', ["megabytes"] = 'm', ["units"] = 'u', ["path"] = 'p', ["partition"] = 'p',
        ["exclude_device"] = 'x', ["exclude-type"] = 'X', ["include-type"] = 'N', ["group"] = 'g',
        ["eregi-path"] = 'R', ["eregi-partition"] = 'R', ["ereg-path"] = 'r', ["ereg-partition"] = 'r',
        ["freespace-ignore-reserved"] = 'f', ["ignore-ereg-path"] = 'i', ["ignore-ereg-partition"] = 'i',
        ["ignore-eregi-path"] = 'I', ["ignore-eregi-partition"] = 'I', ["local"] = 'l', ["stat-remote-fs"] = 'L',
        ["iperfdata"] = 'P', ["mountpoint"] = 'M', ["errors-only"] = 'e', ["exact-match"] = 'E', ["all"] = 'A',
        ["verbose"] = 'v', ["quiet"] = 'q', ["clear"] = 'C', ["version"] = 'V', ["help"] = 'h',
    };

    /// <summary>Parses the arguments after "check disk"; either a plan or the outcome check_disk would print.</summary>
    public static (CheckDiskPlan? Plan, CheckDiskOutcome? Error) Parse(IReadOnlyList<string> args, int defaultTimeout)
    {
        if (args.Count == 0)
        {
            return (null, CheckDiskOutcome.Unknown("check_disk: Could not parse arguments\n" + CheckDiskOutcome.Usage));
        }

        var state = new ParserState(defaultTimeout);
        var index = 0;
        for (; index < args.Count; index++)
        {
            var arg = args[index];
            if (arg == "--")
            {
                index++;
                break;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                break;   // '+' in check_disk's optstring: options end at the first operand
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg[2..] : arg[2..eq];
                if (!LongNames.TryGetValue(name, out var letter))
                {
                    return (null, UnknownArgument());
                }

                string? value = null;
                if (WithValue.Contains(letter, StringComparison.Ordinal))
                {
                    value = eq >= 0 ? arg[(eq + 1)..] : index + 1 < args.Count ? args[++index] : null;
                    if (value is null)
                    {
                        return (null, UnknownArgument());
                    }
                }

                if (state.Apply(letter, value) is { } error)
                {
                    return (null, error);
                }

                continue;
            }

            for (var at = 1; at < arg.Length; at++)
            {
                var letter = arg[at];
                if (WithValue.Contains(letter, StringComparison.Ordinal))
                {
                    var value = at + 1 < arg.Length ? arg[(at + 1)..] : index + 1 < args.Count ? args[++index] : null;
                    if (value is null)
                    {
                        return (null, UnknownArgument());
                    }

                    if (state.Apply(letter, value) is { } error)
                    {
                        return (null, error);
                    }

                    break;
                }

                if (!Flags.Contains(letter, StringComparison.Ordinal))
                {
                    return (null, UnknownArgument());
                }

                if (state.Apply(letter, null) is { } flagError)
                {
                    return (null, flagError);
                }
            }
        }

        if (state.Positional(args.Skip(index).ToArray()) is { } positionalError)
        {
            return (null, positionalError);
        }

        return (state.ToPlan(), null);
    }

    private static CheckDiskOutcome UnknownArgument() => CheckDiskOutcome.Unknown("Unknown argument\n" + CheckDiskOutcome.Usage);

    /// <summary>The option state while the command line is read, in check_disk's order.</summary>
    private sealed class ParserState(int timeout)
    {
        private readonly List<CheckDiskSelection> _selections = [];
        private readonly List<string> _excludeDevices = [];
        private readonly List<string> _excludeTypes = ["iso9660"];
        private readonly List<string> _includeTypes = [];
        private CheckDiskThresholds _thresholds = new();
        private string? _group;
        private bool _pathSelected;
        private bool _exact;
        private ulong _multiplier = 1024 * 1024;
        private string _unit = "MiB";
        private bool _errorsOnly;
        private bool _showDevice;
        private bool _ignoreReserved;
        private bool _inodePerfdata;
        private bool _local;
        private int _verbose;
        private int _timeout = timeout;

        public CheckDiskOutcome? Apply(char option, string? value)
        {
            switch (option)
            {
                case 't':
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _timeout) || _timeout == 0)
                    {
                        return CheckDiskOutcome.Unknown($"check_disk: Timeout interval must be a positive integer - {value}\n" + CheckDiskOutcome.Usage);
                    }

                    return null;
                case 'w' or 'c':
                    return SpaceThreshold(option, value!);
                case 'W' or 'K':
                    if (!TryFreeRange(value!, out var inodes))
                    {
                        return CheckDiskOutcome.Unknown($"Argument for --{(option == 'W' ? "iwarning" : "icritical")} invalid or missing: {value}\n");
                    }

                    _thresholds = option == 'W' ? _thresholds with { FreeInodesWarning = inodes } : _thresholds with { FreeInodesCritical = inodes };
                    return null;
                case 'u':
                    return Units(value!);
                case 'k':
                    (_multiplier, _unit) = (1024, "kiB");
                    return null;
                case 'm':
                    (_multiplier, _unit) = (1024 * 1024, "MiB");
                    return null;
                case 'p':
                    if (!_thresholds.Any)
                    {
                        return CheckDiskOutcome.Unknown("DISK UNKNOWN: Must set a threshold value before using -p\n");
                    }

                    _selections.Add(new SelectPath(value!, _thresholds, _group, _exact));
                    _pathSelected = true;
                    return null;
                case 'x':
                    _excludeDevices.Add(value!);
                    return null;
                case 'X':
                    _excludeTypes.Add(value!);
                    return null;
                case 'N':
                    _includeTypes.Add(value!);
                    return null;
                case 'g':
                    if (_pathSelected)
                    {
                        return CheckDiskOutcome.Unknown("DISK UNKNOWN: Must set group value before selecting paths\n");
                    }

                    _group = value;
                    return null;
                case 'A' or 'R' or 'r':
                    if (!_thresholds.Any)
                    {
                        return CheckDiskOutcome.Unknown("DISK UNKNOWN: Must set a threshold value before using -r/-R\n");
                    }

                    _selections.Add(new SelectRegex(option == 'A' ? ".*" : value!, option != 'r', _thresholds, _group));
                    _pathSelected = true;
                    return null;
                case 'i' or 'I':
                    if (!_pathSelected)
                    {
                        return CheckDiskOutcome.Unknown("DISK UNKNOWN: Paths need to be selected before using -i/-I. Use -A to select all paths explicitly\n");
                    }

                    _selections.Add(new IgnoreRegex(value!, option == 'I'));
                    return null;
                case 'E':
                    if (_pathSelected)
                    {
                        return CheckDiskOutcome.Unknown("DISK UNKNOWN: Must set -E before selecting paths\n");
                    }

                    _exact = true;
                    return null;
                case 'C':
                    if (!_pathSelected)
                    {
                        _selections.Add(new SelectAll(_thresholds, _group));
                    }

                    (_thresholds, _pathSelected, _group) = (new CheckDiskThresholds(), false, null);
                    return null;
                case 'e' or 'q': _errorsOnly = true; return null;
                case 'f': _ignoreReserved = true; return null;
                case 'P': _inodePerfdata = true; return null;
                case 'M': _showDevice = true; return null;
                case 'l' or 'L': _local = true; return null;
                case 'v': _verbose++; return null;
                default:
                    return UnknownArgument();   // -h, -V, -?: help and version exit 3 in the plugin convention
            }
        }

        /// <summary>The legacy form "check_disk W C [PATH]": thresholds on used percent, not inverted.</summary>
        public CheckDiskOutcome? Positional(string[] rest)
        {
            var at = 0;
            if (_thresholds.UsedPercentWarning is null && at < rest.Length && IsNonNegativeInteger(rest[at]))
            {
                _thresholds = _thresholds with { UsedPercentWarning = new NagiosRange(0, double.Parse(rest[at++], CultureInfo.InvariantCulture), false) };
            }

            if (_thresholds.UsedPercentCritical is null && at < rest.Length && IsNonNegativeInteger(rest[at]))
            {
                _thresholds = _thresholds with { UsedPercentCritical = new NagiosRange(0, double.Parse(rest[at++], CultureInfo.InvariantCulture), false) };
            }

            if (at < rest.Length)
            {
                _selections.Add(new SelectPath(rest[at], _thresholds, _group, _exact, Positional: true));
                _pathSelected = true;
            }

            return null;
        }

        public CheckDiskPlan ToPlan()
        {
            var selections = new List<CheckDiskSelection>(_selections);
            if (!_pathSelected)
            {
                selections.Add(new SelectAll(_thresholds, _group));
            }

            return new CheckDiskPlan(selections, _thresholds, _group, _multiplier, _unit, _errorsOnly, _showDevice, _ignoreReserved,
                _inodePerfdata, _local, _excludeDevices, _excludeTypes, _includeTypes, _verbose, _timeout);
        }

        private CheckDiskOutcome? SpaceThreshold(char option, string value)
        {
            var name = option == 'w' ? "warning" : "critical";
            if (!TryFreeRange(value, out var range))
            {
                return CheckDiskOutcome.Unknown($"Argument for --{name} invalid or missing: {value}\n");
            }

            var percent = value.Contains('%', StringComparison.Ordinal);
            _thresholds = (option, percent) switch
            {
                ('w', true) => _thresholds with { FreePercentWarning = range },
                ('w', false) => _thresholds with { FreeUnitsWarning = range },
                (_, true) => _thresholds with { FreePercentCritical = range },
                _ => _thresholds with { FreeUnitsCritical = range },
            };
            return null;
        }

        private CheckDiskOutcome? Units(string value)
        {
            (ulong, string)? unit = value switch
            {
                _ when value.Equals("bytes", StringComparison.OrdinalIgnoreCase) => (1UL, "B"),
                "kB" or "KiB" => (1UL << 10, "kiB"),
                "MB" or "MiB" => (1UL << 20, "MiB"),
                "GB" or "GiB" => (1UL << 30, "GiB"),
                "TB" or "TiB" => (1UL << 40, "TiB"),
                "PB" or "PiB" => (1UL << 50, "PiB"),
                _ => null,
            };
            if (unit is null)
            {
                return CheckDiskOutcome.Unknown($"unit type {value} not known\n");
            }

            (_multiplier, _unit) = unit.Value;
            return null;
        }

        /// <summary>check_disk turns "N" or "N%" into "@N": alert when the free value is within [0, N].</summary>
        private static bool TryFreeRange(string value, out NagiosRange range)
        {
            var text = value.TrimEnd('%');
            if (!text.StartsWith('@'))
            {
                text = "@" + text;
            }

            return NagiosRange.TryParse(text, out range, out _);
        }

        private static bool IsNonNegativeInteger(string text) =>
            text.Length > 0 && text.All(char.IsAsciiDigit);
    }
}
