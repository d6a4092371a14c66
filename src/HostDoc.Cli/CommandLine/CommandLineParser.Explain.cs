using System.Globalization;

namespace HostDoc.Cli.CommandLine;

/// <summary><c>explain</c>'s grammar.</summary>
internal sealed partial class CommandLineParser
{
    private const string ExplainUsage =
        "explain takes ERRNO [--syscall NAME] [--pid PID] [--size SIZE] [PATH], rsync [CODE] [--message TEXT …], affinity, or --list";

    private static (Invocation?, UsageError?) ParseExplain(GlobalOptions global, List<string> args)
    {
        if (args is ["--list"])
        {
            return (new ExplainInvocation(global, "--list", null, null, null, null, []), null);
        }

        if (args.Count == 0)
        {
            return Fail(ExplainUsage, null);
        }

        var topic = args[0];
        string? syscall = null, size = null, path = null;
        int? pid = null;
        var messages = new List<string>();
        var reader = new ArgumentReader(args.Skip(1).ToList());
        while (!reader.AtEnd)
        {
            var arg = reader.Take();
            switch (arg)
            {
                case "--syscall" or "-s" when reader.TryTakeValue(out var value):
                    syscall = value;
                    break;
                case "--pid" or "-p" when reader.TryTakeValue(out var value):
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p <= 0)
                    {
                        return Fail($"explain: --pid takes a process id, not \"{value}\"", null);
                    }

                    pid = p;
                    break;
                case "--size" when reader.TryTakeValue(out var value):
                    size = value;
                    break;
                case "--message" or "-m" when reader.TryTakeValue(out var value):
                    messages.AddRange(value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    if ((arg.StartsWith('-') && arg != "-" && !int.TryParse(arg, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) || path is not null)
                    {
                        return Fail(ExplainUsage, null);
                    }

                    path = arg;
                    break;
            }
        }

        if (topic == "rsync" && (syscall ?? size) is not null || topic != "rsync" && messages.Count > 0)
        {
            return Fail(topic == "rsync" ? "explain rsync takes [CODE] and --message TEXT" : "explain: --message is for explain rsync", null);
        }

        if (topic == "rsync" && path is null && messages.Count == 0)
        {
            return Fail("explain rsync takes an exit code (30) or --message with rsync's lines", null);
        }

        return (new ExplainInvocation(global, topic, syscall, pid, size, path, messages), null);
    }
}
