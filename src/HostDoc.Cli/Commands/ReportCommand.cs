using HostDoc.Checks;
using HostDoc.Cli.CommandLine;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc report</c>: runs every check and prints the findings.</summary>
internal static class ReportCommand
{
    public static int Run(CliContext context, ReportInvocation invocation)
    {
        var report = Report.Run(context.Host, context.Catalog.All, CheckSettings.Defaults);
        if (invocation.Format == ReportFormat.Json)
        {
            JsonReportWriter.Write(context.Out, report);
        }
        else
        {
            TextReportWriter.Write(context.Out, report, context.Style);
        }

        return ExitCodes.Ok;
    }
}
