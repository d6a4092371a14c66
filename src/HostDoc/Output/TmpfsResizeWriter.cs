using HostDoc.Findings;
using HostDoc.Storage;

namespace HostDoc.Output;

/// <summary>The answer of <c>hostdoc tmpfs-resize</c>: would the remount succeed, why not, and what would.</summary>
public static class TmpfsResizeWriter
{
    /// <summary>Writes the verdict for <paramref name="r"/>.</summary>
    public static void Write(TextWriter writer, TmpfsResize r, TextStyle style)
    {
        var mount = r.Mount.MountPoint;
        var command = $"mount -o remount,size={r.Requested.Text}{(r.RequestedInodes is { } n ? $",nr_inodes={n}" : "")} {mount}";
        var used = $"{Quantity.Bytes(r.UsedPages * r.PageSize)} ({Quantity.Count(r.UsedPages)} pages)";
        var limit = r.CurrentlyUnlimited ? "no size limit" : $"a limit of {Quantity.Bytes(r.Stats.SizeBytes)}";
        if (r.Refusal is null)
        {
            writer.Write($"{style.Paint("would succeed", "32")}: {command}\n");
            writer.Write($"  {mount} has {limit} and its files use {used}; the new size " +
                         (r.RequestedPages == 0 ? "removes the limit.\n" : $"{Quantity.Bytes(r.RequestedPages * r.PageSize)} holds them.\n"));
            return;
        }

        writer.Write($"{style.Paint("would fail", "1;31")} with EINVAL (\"{r.Refusal}\"): {command}\n");
        var why = r.Refusal switch
        {
            "Too small a size for current use" =>
                $"its files use {used}, more than the {Quantity.Bytes(r.RequestedPages * r.PageSize)} asked for. tmpfs keeps file data only in " +
                "memory and swap, so shmem_reconfigure() in mm/shmem.c refuses to shrink below what is stored rather than drop it.",
            "Cannot retroactively limit size" =>
                "it was mounted without a size limit (size=0), and the kernel will not impose one on a mounted tmpfs.",
            "Too few inodes for current use" =>
                $"it has {Quantity.Count(r.UsedInodes)} files and directories, more than nr_inodes={r.RequestedInodes}.",
            _ => "it was mounted without an inode limit, and the kernel will not impose one on a mounted tmpfs.",
        };
        TextWrap.Write(writer, $"Why: {mount} has {limit}; {why}", "  ");
        if (r.Refusal == "Too small a size for current use")
        {
            writer.Write($"  Smallest size that works now: {r.SmallestMebibytes}M -> mount -o remount,size={r.SmallestMebibytes}M {mount}\n");
            writer.Write($"  To go lower, remove files first: du -ah {mount} | sort -h | tail\n");
        }
        else if (r.Refusal == "Too few inodes for current use")
        {
            writer.Write($"  Smallest nr_inodes that works now: {r.UsedInodes}\n");
        }
        else
        {
            writer.Write($"  Only a new mount can set a limit: umount {mount} and mount it again with size= (its files are lost).\n");
        }
    }
}
