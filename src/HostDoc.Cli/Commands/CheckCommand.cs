using HostDoc.Checks;
using HostDoc.Cli.CommandLine;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary>
/// <c>hostdoc check NAME</c>: one check as a Monitoring Plugins plugin. Everything goes to
/// standard output (Nagios does not read stderr); the exit code is the state.
/// </summary>
internal static class CheckCommand
{
    public static int Run(CliContext context, CheckInvocation invocation)
    {
        var check = context.Catalog.Find(invocation.Check)!;
        var settings = new CheckSettings(invocation.Warnings, invocation.Criticals, invocation.Values);
        var result = check.Run(context.Host, settings);
        return NagiosWriter.Write(context.Out, result, invocation.Verbose);
    }

    public static int List(CliContext context)
    {
        foreach (var check in context.Catalog.All)
        {
            context.Out.Write($"{check.Name,-12} {check.Description}\n");
        }

        return ExitCodes.Ok;
    }
}
