using System.Globalization;
using System.Net;

namespace HostDoc;

/// <summary>
/// hostdoc-serve's command line. Flags node_exporter users already type keep node_exporter's names
/// (<c>--web.listen-address</c>, <c>--web.config.file</c>, <c>--collector.textfile.directory</c>,
/// <c>--collector.diskstats.device-exclude</c>), so a unit file carries over.
/// </summary>
/// <param name="Listen">Where to listen (loopback unless told otherwise).</param>
/// <param name="ListenText">As given, for messages.</param>
/// <param name="ChecksEvery">How often the findings in /metrics are evaluated.</param>
/// <param name="Root">A captured tree to serve instead of the live host.</param>
/// <param name="WebConfigFile">exporter-toolkit's web configuration (TLS, basic auth, headers).</param>
/// <param name="TextfileDirectory">Where operators drop <c>*.prom</c> files of their own series.</param>
/// <param name="Snapshot">A snapshot archive to serve instead of the live host.</param>
/// <param name="DiskExclude">A regular expression for the block devices the diskstats collector leaves out; null = node_exporter's default (hostdoc-serve compiles it, and refuses one that does not).</param>
public sealed record ServeOptions(IPEndPoint Listen, string ListenText, TimeSpan ChecksEvery, string? Root, string? WebConfigFile, string? TextfileDirectory, string? DiskExclude, string? Snapshot = null)
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: hostdoc serve [--listen ADDR:PORT] [--checks-every SECONDS] [--web.config.file FILE] [--collector.textfile.directory DIR] "
        + "[--collector.diskstats.device-exclude REGEX] [--root DIR | --snapshot FILE]   (defaults 127.0.0.1:9847, 30 s)";

    /// <summary>Parses <paramref name="args"/>; on a usage error, the one line to print (exit 2).</summary>
    public static (ServeOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var listen = ListenAddress.Default;
        var checksEvery = TimeSpan.FromSeconds(30);
        string? root = null, snapshot = null, webConfig = null, textfile = null;
        string? diskExclude = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            string? Value() => inline ?? (i + 1 < args.Count ? args[++i] : null);
            switch (name)
            {
                case "--help" or "-h":
                    return (null, "");
                case "--listen" or "--web.listen-address":
                    listen = Value() ?? "";
                    break;
                case "--checks-every":
                    var every = Value();
                    if (!double.TryParse(every, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > 86_400)
                    {
                        return (null, $"hostdoc serve: --checks-every {every}: not a number of seconds (0 = every scrape)");
                    }

                    checksEvery = TimeSpan.FromSeconds(seconds);
                    break;
                case "--snapshot":
                    snapshot = Value();
                    if (snapshot is null || !File.Exists(snapshot))
                    {
                        return (null, $"hostdoc serve: --snapshot {snapshot}: no such file");
                    }

                    break;
                case "--root":
                    root = Value();
                    if (root is null || !Directory.Exists(root))
                    {
                        return (null, $"hostdoc serve: --root {root}: no such directory");
                    }

                    break;
                case "--web.config.file":
                    webConfig = Value();
                    if (string.IsNullOrEmpty(webConfig))
                    {
                        return (null, "hostdoc serve: --web.config.file needs a file");
                    }

                    break;
                case "--collector.textfile.directory":
                    textfile = Value();
                    break;
                case "--collector.diskstats.device-exclude":
                    diskExclude = Value();
                    if (string.IsNullOrEmpty(diskExclude))
                    {
                        return (null, "hostdoc serve: --collector.diskstats.device-exclude needs a regular expression");
                    }

                    break;
                default:
                    return (null, $"hostdoc serve: unexpected \"{args[i]}\"; {Usage}");
            }
        }

        if (!ListenAddress.TryParse(listen, out var endpoint))
        {
            return (null, $"hostdoc serve: --listen {listen} is not ADDR:PORT (127.0.0.1:9847, [::1]:9847, 0.0.0.0:9847)");
        }

        return (new ServeOptions(endpoint, listen, checksEvery, root, webConfig, string.IsNullOrEmpty(textfile) ? null : textfile, diskExclude, snapshot), null);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }
}
