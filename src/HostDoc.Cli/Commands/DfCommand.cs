using HostDoc.Cli.CommandLine;
using HostDoc.Output;
using HostDoc.Storage;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc df</c>: the filesystems, de-duplicated, with reserve and inode columns.</summary>
internal static class DfCommand
{
    public static int Run(CliContext context, DfInvocation invocation)
    {
        var host = context.Host;
        var mounts = host.Mountinfo;
        if (mounts.Value is not { } mountinfo)
        {
            context.ReportProblems("df", mounts.Problems);
            return ExitCodes.SourceProblem;
        }

        var table = invocation.All
            ? FilesystemTable.Build(mountinfo, host.Root.Statvfs(HostModel.DefaultStatvfsTimeout), includePseudo: true)
            : host.Filesystems.Value!;
        DfWriter.Write(context.Out, table, invocation.Bytes, context.Style);
        return context.ReportProblems("df", mounts.Problems.Concat(table.Filesystems.SelectMany(f => f.Stats.Problems)));
    }
}
