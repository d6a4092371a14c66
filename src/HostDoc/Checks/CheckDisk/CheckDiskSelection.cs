namespace HostDoc.Checks.CheckDisk;

/// <summary>One step of check_disk's positional path selection, in command-line order.</summary>
public abstract record CheckDiskSelection;

/// <summary>-p PATH: the filesystem holding PATH (or the device named PATH), with the thresholds then in force.</summary>
public sealed record SelectPath(string Path, CheckDiskThresholds Thresholds, string? Group, bool Exact, bool Positional = false) : CheckDiskSelection;

/// <summary>-r/-R/-A: every mount whose device or mount point matches.</summary>
public sealed record SelectRegex(string Pattern, bool IgnoreCase, CheckDiskThresholds Thresholds, string? Group) : CheckDiskSelection;

/// <summary>-i/-I: drop already selected mounts whose device or mount point matches.</summary>
public sealed record IgnoreRegex(string Pattern, bool IgnoreCase) : CheckDiskSelection;

/// <summary>-C with nothing selected yet: select every mount with the thresholds then in force.</summary>
public sealed record SelectAll(CheckDiskThresholds Thresholds, string? Group) : CheckDiskSelection;
