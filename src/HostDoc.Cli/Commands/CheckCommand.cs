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
        var settings = new CheckSettings(invocation.Warnings, invocation.Criticals, WithDefaultState(context, invocation));
        var result = check.Run(context.Host, settings);
        return NagiosWriter.Write(context.Out, result, invocation.Verbose);
    }

    /// <summary>
    /// As root on a live host, <c>check kernel-log</c> keeps state by default (README: where and why), one file per set of
    /// logs followed; elsewhere (a captured tree, another user) it judges what the log holds, unless --state is given.
    /// </summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> WithDefaultState(CliContext context, CheckInvocation invocation)
    {
        if (invocation.Check != "kernel-log" || invocation.Values.ContainsKey("state") || !context.Host.Root.IsLive || !Environment.IsPrivilegedProcess)
        {
            return invocation.Values;
        }

        var logs = invocation.Values.TryGetValue("log", out var given) ? given : [];
        var name = logs.Count == 0 ? "kernel-log.state"
            : $"kernel-log-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', logs))))[..12]}.state";
        return new Dictionary<string, IReadOnlyList<string>>(invocation.Values, StringComparer.Ordinal)
        {
            ["state"] = [Path.Combine(KernelLogCheck.DefaultStateDirectory, name)],
        };
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
