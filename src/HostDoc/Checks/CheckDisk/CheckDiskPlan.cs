namespace HostDoc.Checks.CheckDisk;

/// <summary>What a check_disk command line asks for, validated: the selection steps and the global switches.</summary>
/// <param name="Selections">Selection steps in order; empty means every mount with <paramref name="FinalThresholds"/>.</param>
/// <param name="FinalThresholds">The thresholds in force at the end (used when nothing was selected).</param>
/// <param name="FinalGroup">The group in force at the end.</param>
/// <param name="Multiplier">Bytes per display unit (-u, -k, -m; default MiB).</param>
/// <param name="UnitLabel">The unit as printed (B, kiB, MiB, GiB, TiB, PiB).</param>
/// <param name="ErrorsOnly">-e / -q.</param>
/// <param name="ShowDevice">-M: name filesystems by device.</param>
/// <param name="IgnoreReserved">-f: total = used + available.</param>
/// <param name="InodePerfdata">-P.</param>
/// <param name="LocalOnly">-l / -L.</param>
/// <param name="ExcludeDevices">-x: device names or mount points, exact.</param>
/// <param name="ExcludeTypes">-X: filesystem types, exact (iso9660 always).</param>
/// <param name="IncludeTypes">-N: filesystem types, exact.</param>
/// <param name="Verbose">-v count.</param>
/// <param name="TimeoutSeconds">-t (enforced, unlike check_disk).</param>
public sealed record CheckDiskPlan(
    IReadOnlyList<CheckDiskSelection> Selections,
    CheckDiskThresholds FinalThresholds,
    string? FinalGroup,
    ulong Multiplier,
    string UnitLabel,
    bool ErrorsOnly,
    bool ShowDevice,
    bool IgnoreReserved,
    bool InodePerfdata,
    bool LocalOnly,
    IReadOnlyList<string> ExcludeDevices,
    IReadOnlyList<string> ExcludeTypes,
    IReadOnlyList<string> IncludeTypes,
    int Verbose,
    int TimeoutSeconds);
