using System.Globalization;
using System.Text;
using HostDoc.Findings;
using HostDoc.Proc.Pid;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Checks.CheckDisk;

/// <summary>
/// Runs a check_disk plan against the host and prints what check_disk 2.3.3 prints, byte for byte,
/// except where 2.3.3 is wrong in ways no consumer can rely on (README, "check disk"): warn/crit
/// below zero are 0 instead of wrapping to 18446744073…, quotes in labels are doubled, no stray
/// "]", -p matches whole path components, and -t is enforced.
/// </summary>
public static class CheckDiskRun
{
    /// <summary>Runs <paramref name="plan"/>.</summary>
    public static CheckDiskOutcome Run(HostModel host, CheckDiskPlan plan)
    {
        if (host.Mountinfo.Value is not { } mountinfo)
        {
            return CheckDiskOutcome.Unknown($"DISK UNKNOWN - {host.Mountinfo.Problems[0]}\n");
        }

        var mounts = mountinfo.Entries;
        var index = new MountIndex(mounts);
        var parameters = new CheckDiskParams();
        foreach (var step in plan.Selections)
        {
            if (Select(host.Root, step, index, parameters) is { } error)
            {
                return error;
            }
        }

        foreach (var p in parameters.All.Where(p => p.Mount is null))
        {
            return CheckDiskOutcome.Critical($"DISK CRITICAL: {p.Name} not found\n");
        }

        return Evaluate(host, plan, parameters, mounts);
    }

    private static CheckDiskOutcome? Select(HostRoot root, CheckDiskSelection step, MountIndex index, CheckDiskParams parameters)
    {
        var mounts = index.Mounts;
        switch (step)
        {
            case SelectPath path:
                var param = parameters.Find(path.Path);
                var match = index.BestMatch(path.Path, path.Exact);
                if (param is null)
                {
                    if (!path.Positional && !PathAccess.Exists(root, path.Path, mounts, match))
                    {
                        return NotAccessible(path.Path);
                    }

                    param = new CheckDiskParam(path.Path, path.Thresholds, path.Group);
                    parameters.Add(param);
                }

                (param.Thresholds, param.Group, param.Mount) = (path.Thresholds, path.Group, match);
                return null;
            case SelectRegex regex:
                using (var compiled = PosixRegex.TryCompile(regex.Pattern, regex.IgnoreCase, out var error))
                {
                    if (compiled is null)
                    {
                        return CheckDiskOutcome.Unknown($"DISK UNKNOWN: Could not compile regular expression - {error}\n");
                    }

                    var found = false;
                    foreach (var mount in mounts.Where(m => compiled.IsMatch(m.Source) || compiled.IsMatch(m.MountPoint)))
                    {
                        found = true;
                        Add(parameters, mount.MountPoint, regex.Thresholds, regex.Group, index);
                    }

                    return found ? null
                        : CheckDiskOutcome.Unknown($"DISK UNKNOWN: Regular expression did not match any path or disk - {regex.Pattern}\n");
                }

            case IgnoreRegex ignore:
                using (var compiled = PosixRegex.TryCompile(ignore.Pattern, ignore.IgnoreCase, out var error))
                {
                    if (compiled is null)
                    {
                        return CheckDiskOutcome.Unknown($"DISK UNKNOWN: Could not compile regular expression - {error}\n");
                    }

                    parameters.RemoveWhere(p => p.Mount is { } m && (compiled.IsMatch(m.Source) || compiled.IsMatch(m.MountPoint)));
                    return null;
                }

            case SelectAll all:
                foreach (var mount in mounts)
                {
                    Add(parameters, mount.MountPoint, all.Thresholds, all.Group, index);
                }

                return null;
            default:
                return null;
        }
    }

    private static void Add(CheckDiskParams parameters, string mountPoint, CheckDiskThresholds thresholds, string? group, MountIndex index)
    {
        var param = parameters.Find(mountPoint);
        if (param is null)
        {
            param = new CheckDiskParam(mountPoint, thresholds, group);
            parameters.Add(param);
        }

        (param.Thresholds, param.Group) = (thresholds, group);
        param.Mount = index.BestMatch(mountPoint, exact: false);
    }

    private static CheckDiskOutcome Evaluate(HostModel host, CheckDiskPlan plan, CheckDiskParams parameters, IReadOnlyList<MountinfoEntry> mounts)
    {
        // Filters first, then one batched statvfs, so a hung mount costs one timeout however many there are.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<CheckDiskParam>();
        foreach (var p in parameters.All)
        {
            var mount = p.Mount!;
            if (!seen.Add(mount.MountPoint) || (p.Group is null && Filtered(plan, mount)))
            {
                continue;
            }

            if (!PathAccess.Exists(host.Root, p.Name, mounts, mount))
            {
                return NotAccessible(p.Name);
            }

            chosen.Add(p);
        }

        var statvfs = host.Root.Statvfs(TimeSpan.FromSeconds(Math.Min(10, plan.TimeoutSeconds * 0.8)));
        var stats = statvfs.QueryAll(chosen.Select(p => (p.Mount!.MountPoint, p.Mount.FsType)).ToArray());
        var byMount = new Dictionary<string, FsStats>(StringComparer.Ordinal);
        for (var i = 0; i < chosen.Count; i++)
        {
            if (stats[i].Value is not { } value)
            {
                return NotAccessible(chosen[i].Name, stats[i].Problems[0].Message);
            }

            byMount[chosen[i].Mount!.MountPoint] = value;
        }

        var output = new StringBuilder();
        var perf = new StringBuilder();
        var result = Severity.Unknown;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in chosen)
        {
            var mount = p.Mount!;
            if (!reported.Add(mount.MountPoint) || byMount[mount.MountPoint].Blocks == 0)
            {
                continue;
            }

            var members = p.Group is null ? [p] : chosen.Where(q => q.Group == p.Group && byMount[q.Mount!.MountPoint].Blocks > 0).ToList();
            reported.UnionWith(members.Select(m => m.Mount!.MountPoint));
            var figures = CheckDiskFigures.From(members.Select(m => byMount[m.Mount!.MountPoint]).ToArray(), plan.Multiplier, plan.IgnoreReserved);
            var name = p.Group ?? (plan.ShowDevice ? mount.Source : mount.MountPoint);
            var state = Status(figures, p.Thresholds);
            result = MaxState(result, state);
            AppendPerf(perf, name, figures, p.Thresholds, plan);
            if (state == Severity.Ok && plan.ErrorsOnly && plan.Verbose == 0)
            {
                continue;
            }

            AppendText(output, name, figures, state, plan);
        }

        var preamble = plan.ErrorsOnly && result == Severity.Ok ? "" : " - free space:";
        return new CheckDiskOutcome($"DISK {result.StateWord()}{preamble}{output}|{perf}\n", result.ExitCode());
    }

    private static bool Filtered(CheckDiskPlan plan, MountinfoEntry mount) =>
        (plan.LocalOnly && (FilesystemKinds.IsRemote(mount.FsType) || mount.Source.Contains(':', StringComparison.Ordinal) || mount.Source.StartsWith("//", StringComparison.Ordinal)))
        || plan.ExcludeTypes.Contains(mount.FsType)
        || plan.ExcludeDevices.Contains(mount.Source) || plan.ExcludeDevices.Contains(mount.MountPoint)
        || (plan.IncludeTypes.Count > 0 && !plan.IncludeTypes.Contains(mount.FsType));

    private static Severity Status(CheckDiskFigures f, CheckDiskThresholds t)
    {
        var state = Severity.Ok;
        state = MaxState(state, Evaluate(f.FreeUnits, t.FreeUnitsWarning, t.FreeUnitsCritical));
        state = MaxState(state, Evaluate(f.FreePercent, t.FreePercentWarning, t.FreePercentCritical));
        state = MaxState(state, Evaluate(f.UsedPercent, t.UsedPercentWarning, t.UsedPercentCritical));
        return MaxState(state, Evaluate(f.FreeInodesPercent, t.FreeInodesWarning, t.FreeInodesCritical));
    }

    private static Severity Evaluate(double value, NagiosRange? warning, NagiosRange? critical) =>
        new Thresholds(warning, critical).Evaluate(value);

    /// <summary>monitoring-plugins' max_state: CRITICAL over WARNING over OK over UNKNOWN.</summary>
    private static Severity MaxState(Severity a, Severity b)
    {
        static int Rank(Severity s) => s switch { Severity.Critical => 3, Severity.Warning => 2, Severity.Ok => 1, _ => 0 };
        return Rank(a) >= Rank(b) ? a : b;
    }

    private static void AppendText(StringBuilder output, string name, CheckDiskFigures f, Severity state, CheckDiskPlan plan)
    {
        var flagged = state != Severity.Ok && plan.Verbose >= 1;
        output.Append(flagged ? $" {state.StateWord()} [" : "");
        output.Append(CultureInfo.InvariantCulture, $" {name} {f.FreeUnits}{plan.UnitLabel} ({f.FreePercent:0}%");
        output.Append(f.FreeInodesPercent < 0 ? " inode=-)" : string.Create(CultureInfo.InvariantCulture, $" inode={f.FreeInodesPercent:0}%)"));
        output.Append(flagged ? "];" : ";");
    }

    private static void AppendPerf(StringBuilder perf, string name, CheckDiskFigures f, CheckDiskThresholds t, CheckDiskPlan plan)
    {
        var total = Saturating.Multiply(f.TotalUnits, plan.Multiplier);
        perf.Append(' ').Append(Label(name)).Append('=')
            .Append(Number(Saturating.Multiply(f.UsedUnits, plan.Multiplier))).Append("B;")
            .Append(SpaceTide(f, t.FreeUnitsWarning, t.FreePercentWarning, plan.Multiplier)).Append(';')
            .Append(SpaceTide(f, t.FreeUnitsCritical, t.FreePercentCritical, plan.Multiplier)).Append(";0;")
            .Append(Number(total));
        if (plan.InodePerfdata)
        {
            perf.Append(' ').Append(Label(name + " (inodes)")).Append('=').Append(Number(f.InodesUsed)).Append(';')
                .Append(InodeTide(f, t.FreeInodesWarning)).Append(';')
                .Append(InodeTide(f, t.FreeInodesCritical)).Append(";0;")
                .Append(Number(f.InodesTotal));
        }
    }

    /// <summary>The used bytes at which a free threshold alerts; 0 rather than 2.3.3's uint64 wrap when the threshold exceeds the size.</summary>
    private static string SpaceTide(CheckDiskFigures f, NagiosRange? units, NagiosRange? percent, ulong multiplier)
    {
        ulong? tide = null;
        if (units is { } u)
        {
            tide = u.End >= f.TotalUnits ? 0 : Saturating.Multiply(f.TotalUnits - Saturating.ToUInt64(u.End), multiplier);
        }

        if (percent is { } p)
        {
            var byPercent = Saturating.ToUInt64((1.0 - (p.End / 100)) * Saturating.Multiply(f.TotalUnits, multiplier));
            tide = tide is { } t ? Math.Min(t, byPercent) : byPercent;
        }

        return tide is { } value ? Number(value) : "";
    }

    private static string InodeTide(CheckDiskFigures f, NagiosRange? percent) =>
        percent is { } p ? Number(Saturating.ToUInt64(Math.Abs((1.0 - (p.End / 100)) * f.InodesTotal))) : "";

    /// <summary>check_disk's label quoting (quote when ' = or space appears), with quotes doubled and any whitespace quoted too.</summary>
    private static string Label(string label) =>
        label.Any(c => c is '\'' or '=' || char.IsWhiteSpace(c)) ? "'" + label.Replace("'", "''", StringComparison.Ordinal) + "'" : label;

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static CheckDiskOutcome NotAccessible(string path, string why = "No such file or directory") =>
        CheckDiskOutcome.Critical($"DISK CRITICAL - {path} is not accessible: {why}\n");
}
