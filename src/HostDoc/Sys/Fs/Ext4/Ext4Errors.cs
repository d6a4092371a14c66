using HostDoc.Sources;

namespace HostDoc.Sys.Fs.Ext4;

/// <summary>
/// The error record ext4 keeps in its superblock, as <c>/sys/fs/ext4/DEV/</c> shows it
/// (Documentation/ABI/testing/sysfs-fs-ext4): how many errors, and the first and last one's time,
/// function, line, inode and block. The superblock keeps it across reboots until fsck clears it.
/// </summary>
/// <param name="Device">The ext4 device name (sb->s_id: <c>sda1</c>, <c>dm-0</c>).</param>
/// <param name="Count">errors_count.</param>
/// <param name="First">The first recorded error, or null.</param>
/// <param name="Last">The last recorded error, or null.</param>
public sealed record Ext4Errors(string Device, ulong Count, Ext4Error? First, Ext4Error? Last)
{
    /// <summary>Reads <c>/sys/fs/ext4/DEVICE/</c>; unavailable when the directory is not there.</summary>
    public static Sourced<Ext4Errors> Read(HostRoot root, string device)
    {
        var dir = $"/sys/fs/ext4/{device}/";
        var count = root.ReadText(dir + "errors_count", 64);
        if (count.Value is null)
        {
            return Sourced<Ext4Errors>.Failed(count.Problems);
        }

        if (!KernelNumber.TryParseUnsigned(count.Value.AsSpan().Trim(), out var errors))
        {
            return Sourced<Ext4Errors>.Failed(SourceProblem.FromParse(dir + "errors_count", ParseError.At(1, "a number", count.Value.AsSpan().Trim())));
        }

        return Sourced<Ext4Errors>.Of(new Ext4Errors(device, errors, ReadError(root, dir + "first_error_"), ReadError(root, dir + "last_error_")));
    }

    private static Ext4Error? ReadError(HostRoot root, string prefix)
    {
        var time = root.ReadNumber(prefix + "time");
        if (time is null or 0)
        {
            return null;
        }

        return new Ext4Error(
            UnixTime.FromSeconds(time.Value),
            root.ReadValue(prefix + "func") ?? "",
            root.ReadNumber(prefix + "line"),
            root.ReadNumber(prefix + "ino"),
            root.ReadNumber(prefix + "block"),
            root.ReadNumber(prefix + "errcode"));
    }

}
