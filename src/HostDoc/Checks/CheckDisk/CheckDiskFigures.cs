using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Checks.CheckDisk;

/// <summary>
/// check_disk 2.3.3's arithmetic on statvfs (a group sums its members first): whole display units
/// truncated, df-style percentages rounded up on the used side.
/// </summary>
internal sealed record CheckDiskFigures(
    ulong UsedBlocksBytes, ulong AvailableBytes, ulong TotalBytes,
    ulong UsedUnits, ulong FreeUnits, ulong TotalUnits,
    double UsedPercent, double FreePercent,
    ulong InodesUsed, ulong InodesTotal, double FreeInodesPercent)
{
    public static CheckDiskFigures From(IReadOnlyList<FsStats> members, ulong multiplier, bool ignoreReserved)
    {
        ulong used = 0, available = 0, total = 0, usedUnits = 0, freeUnits = 0, totalUnits = 0;
        ulong files = 0, ffree = 0, favail = 0;
        foreach (var s in members)
        {
            var memberUsed = s.UsedBytes;
            var memberAvailable = s.AvailableBytes;
            var memberTotal = ignoreReserved ? Saturating.Add(memberUsed, memberAvailable) : s.SizeBytes;
            used = Saturating.Add(used, memberUsed);
            available = Saturating.Add(available, memberAvailable);
            total = Saturating.Add(total, memberTotal);
            usedUnits = Saturating.Add(usedUnits, memberUsed / multiplier);
            freeUnits = Saturating.Add(freeUnits, memberAvailable / multiplier);
            totalUnits = Saturating.Add(totalUnits, memberTotal / multiplier);
            files = Saturating.Add(files, ignoreReserved ? Saturating.Add(Saturating.Subtract(s.Files, s.FilesFree), s.FilesAvailable) : s.Files);
            ffree = Saturating.Add(ffree, s.FilesFree);
            favail = Saturating.Add(favail, s.FilesAvailable);
        }

        var usable = Saturating.Add(used, available);
        var usedPercent = usable == 0 ? -1 : Math.Ceiling(100.0 * used / usable);
        var inodeFree = favail > ffree ? 0 : favail;
        var usedInodePercent = files == 0 ? -1 : Math.Ceiling(100.0 * Saturating.Subtract(files, inodeFree) / files);
        return new CheckDiskFigures(used, available, total, usedUnits, freeUnits, totalUnits,
            usedPercent, 100 - usedPercent, files - Math.Min(files, ffree), files, usedInodePercent < 0 ? -1 : 100 - usedInodePercent);
    }
}
