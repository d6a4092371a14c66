using System.Globalization;
using HostDoc.Storage;

namespace HostDoc.Proc;

/// <summary>One line of <c>/proc/partitions</c>.</summary>
/// <param name="Device">major:minor.</param>
/// <param name="Kibibytes">The #blocks column: size in 1 KiB blocks.</param>
/// <param name="Name">The kernel name (sda, sda1, dm-0, nvme0n1p2).</param>
public sealed record PartitionEntry(DeviceNumber Device, ulong Kibibytes, string Name);

/// <summary>
/// <c>/proc/partitions</c> (block/genhd.c): <c>major minor  #blocks  name</c>, a header and a blank
/// line first. Every block device the kernel registered, with no sysfs needed: what hostdoc lists
/// when a tree or container has no <c>/sys/class/block</c>. Malformed lines are skipped.
/// </summary>
public static class Partitions
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/partitions";

    /// <summary>Reads and parses; empty when the file is missing.</summary>
    public static IReadOnlyList<PartitionEntry> Read(HostRoot root) =>
        root.ReadText(KernelPath, 1024 * 1024).Value is { } text ? Parse(text) : [];

    /// <summary>Parses the text.</summary>
    public static IReadOnlyList<PartitionEntry> Parse(string text)
    {
        var entries = new List<PartitionEntry>();
        foreach (var line in text.Split('\n'))
        {
            var f = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 4
                && uint.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && uint.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
                && ulong.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var blocks))
            {
                entries.Add(new PartitionEntry(new DeviceNumber(major, minor), blocks, f[3]));
            }
        }

        return entries;
    }
}
