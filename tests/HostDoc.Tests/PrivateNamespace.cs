using System.Diagnostics;

namespace HostDoc.Tests;

/// <summary>
/// Runs a bash script as root in a private mount namespace (unshare -m, private propagation), with
/// $CLI pointing at the hostdoc.dll under test. Whatever the script mounts is the test's own and is
/// gone when the namespace ends; the script cleans up the rest.
/// </summary>
internal static class PrivateNamespace
{
    /// <summary>
    /// The start of a script that leaves $d a FUSE mount called <paramref name="name"/> whose daemon never answers
    /// (/dev/fuse opened, mounted, never served): the way a dead FUSE daemon or NFS server leaves a mount. Exits 90 when
    /// the mount fails.
    /// </summary>
    public static string UnservedFuseMount(string name) => $"""
        set -u
        d=$(mktemp -d /tmp/{name}.XXXXXX)
        exec 3<>/dev/fuse
        mount -t fuse -o fd=3,rootmode=40000,user_id=0,group_id=0 {name} "$d" || exit 90

        """;

    public static (string Output, int ExitCode) Run(string script, int timeoutMilliseconds = 60_000)
    {
        var start = new ProcessStartInfo(DebianOracle.Require("unshare", "util-linux")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-m", "--propagation", "private", "bash", "-c", script })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CLI"] = Path.Combine(AppContext.BaseDirectory, "hostdoc.dll");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"namespace script did not finish in {timeoutMilliseconds} ms; output so far:\n{output}");
        }

        _ = stderr.Result;
        return (output, process.ExitCode);
    }
}
