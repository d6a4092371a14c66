using HostDoc.Findings;
using HostDoc.Storage;

namespace HostDoc.Output;

/// <summary>
/// <c>hostdoc df</c>: one row per filesystem (bind mounts folded in), root's reserve in a column of
/// its own, Use% as df computes it, and inodes as "used of total (free %)" so nobody has to guess
/// whether a percentage is free or used.
/// </summary>
public static class DfWriter
{
    private static readonly string[] Header = ["Filesystem", "Type", "Size", "Used", "Avail", "Reserved", "Use%", "Inodes", "Mounted on"];
    private static readonly bool[] Numeric = [false, false, true, true, true, true, true, false, false];

    /// <summary>Writes the table; <paramref name="bytes"/> prints exact byte counts instead of binary units.</summary>
    public static void Write(TextWriter writer, FilesystemTable table, bool bytes, TextStyle style)
    {
        string Size(ulong value) => bytes ? Quantity.Count(value) : Quantity.Bytes(value).Replace(" ", "", StringComparison.Ordinal);

        var rows = new List<string[]> { Header };
        foreach (var fs in table.Filesystems)
        {
            var mounted = fs.OtherMountPoints.Count == 0 ? fs.MountPoint : $"{fs.MountPoint} (also {string.Join(", ", fs.OtherMountPoints)})";
            if (fs.Stats.Value is not { } s)
            {
                rows.Add([fs.Mount.Source, fs.Mount.FsType, "?", "?", "?", "?", "?", fs.Stats.Problems[0].Message, mounted]);
                continue;
            }

            var inodes = s.HasInodes
                ? $"{Quantity.Count(s.InodesUsed)} of {Quantity.Count(s.Files)} ({Quantity.Percent(s.InodesFreePercent)} free)"
                : "-";
            rows.Add([fs.Mount.Source, fs.Mount.FsType, Size(s.SizeBytes), Size(s.UsedBytes), Size(s.AvailableBytes),
                Size(s.ReservedBytes), s.UsableBytes == 0 ? "-" : s.DfUsedPercent + "%", inodes, mounted]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Select((cell, c) => c == rows[r].Length - 1 ? cell : Numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            var line = string.Join("  ", cells).TrimEnd();
            writer.Write((r == 0 ? style.Bold(line) : line) + "\n");
        }
    }
}
