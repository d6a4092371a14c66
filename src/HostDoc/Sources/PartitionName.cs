namespace HostDoc.Sources;

/// <summary>Whether a kernel block device name is a partition's, told from the name alone (for logs and trees without sysfs).</summary>
public static class PartitionName
{
    /// <summary>True for <c>sdf1</c>, <c>nvme0n1p2</c>, <c>mmcblk0p1</c> (of <paramref name="disk"/> when it is given).</summary>
    public static bool Is(string name, string? disk)
    {
        if (disk is not null)
        {
            return name.Length > disk.Length && name.StartsWith(disk, StringComparison.Ordinal);
        }

        var partitioned = name.StartsWith("nvme", StringComparison.Ordinal) || name.StartsWith("mmcblk", StringComparison.Ordinal) || name.StartsWith("loop", StringComparison.Ordinal)
            ? name.Contains('p', StringComparison.Ordinal) && char.IsAsciiDigit(name[^1]) && name.LastIndexOf('p') > 3 && char.IsAsciiDigit(name[name.LastIndexOf('p') - 1])
            : (name.StartsWith("sd", StringComparison.Ordinal) || name.StartsWith("vd", StringComparison.Ordinal) || name.StartsWith("xvd", StringComparison.Ordinal) || name.StartsWith("hd", StringComparison.Ordinal))
                && char.IsAsciiDigit(name[^1]);
        return partitioned;
    }
}
