using HostDoc.Cli.CommandLine;
using HostDoc.Network;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc net [--interval S] [--format text|json]</c>: the network side of the host.</summary>
internal static class NetCommand
{
    public static int Run(CliContext context, NetInvocation invocation)
    {
        var net = context.Host.Network;
        _ = net.Interfaces;   // the report shows every attribute: read them first, and the sample takes its counters from the same read
        if (net.Sample.Value is not { } now)
        {
            return context.ReportProblems("net", net.Sample.Problems);
        }

        var window = new NetworkWindow(null, now);
        if (invocation.IntervalSeconds is { } seconds && context.Host.Root.IsLive)
        {
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            if (net.SampleAgain().Value is { } later)
            {
                window = new NetworkWindow(now, later);
            }
        }

        var report = NetworkReport.Build(context.Host, window);
        if (invocation.Json)
        {
            NetWriter.WriteJson(context.Out, report, indented: true);
        }
        else
        {
            NetWriter.Write(context.Out, report, context.Style);
        }

        context.Out.Flush();
        return context.ReportProblems("net", report.Problems);
    }
}
