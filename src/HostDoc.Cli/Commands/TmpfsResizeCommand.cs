using HostDoc.Cli.CommandLine;
using HostDoc.Output;
using HostDoc.Storage;

namespace HostDoc.Cli.Commands;

/// <summary>
/// <c>hostdoc tmpfs-resize MOUNT SIZE</c>: predicts a tmpfs remount; never remounts anything.
/// Exit 0 would succeed, 1 would be refused, 2 usage error or could not decide.
/// </summary>
internal static class TmpfsResizeCommand
{
    public static int Run(CliContext context, TmpfsResizeInvocation invocation)
    {
        var host = context.Host;
        var mountPoint = invocation.MountPoint.Length > 1 ? invocation.MountPoint.TrimEnd('/') : invocation.MountPoint;
        if (host.Mountinfo.Value is not { } mounts)
        {
            return Fail(context, host.Mountinfo.Problems[0].ToString());
        }

        var mount = mounts.Entries.LastOrDefault(m => m.MountPoint == mountPoint);
        if (mount is null)
        {
            return Fail(context, $"{mountPoint} is not a mount point");
        }

        if (mount.FsType != "tmpfs")
        {
            return Fail(context, $"{mountPoint} is {mount.FsType}, not tmpfs");
        }

        if (!TmpfsSize.TryParse(invocation.Size, host.Meminfo.Value?.MemTotal ?? 0, out var size, out var error))
        {
            return Fail(context, error);
        }

        var stats = host.Root.Statvfs(HostModel.DefaultStatvfsTimeout).Query(mountPoint, mount.FsType);
        if (stats.Value is null)
        {
            return Fail(context, stats.Problems[0].ToString());
        }

        var resize = new TmpfsResize(mount, stats.Value, (ulong)host.PageSize.Bytes, size, invocation.Inodes);
        TmpfsResizeWriter.Write(context.Out, resize, context.Style);
        return resize.Refusal is null ? 0 : 1;
    }

    private static int Fail(CliContext context, string message)
    {
        context.Error.Write($"hostdoc tmpfs-resize: {message}\n");
        return ExitCodes.Usage;
    }
}
