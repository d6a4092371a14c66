using HostDoc.Checks.CheckDisk;
using HostDoc.Cli.CommandLine;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc check disk</c> with a check_disk command line: check_disk's grammar, text, perfdata and exit codes.</summary>
internal static class CheckDiskCommand
{
    public static int Run(CliContext context, CheckDiskInvocation invocation)
    {
        var (plan, error) = CheckDiskParser.Parse(invocation.Arguments, CommandLineParser.DefaultTimeoutSeconds);
        if (error is not null)
        {
            context.Out.Write(error.Text);
            return error.ExitCode;
        }

        var disk = context.Catalog.Find("disk")!;
        return CheckTimeout.Run(context, "disk", plan!.TimeoutSeconds, disk.CanBlock, output =>
        {
            var outcome = CheckDiskRun.Run(context.Host, plan);
            output.Write(outcome.Text);
            return outcome.ExitCode;
        });
    }
}
