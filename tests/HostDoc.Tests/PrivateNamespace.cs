using System.Diagnostics;

namespace HostDoc.Tests;

/// <summary>
/// Runs a bash script as root in a private mount namespace (unshare -m, private propagation), with
/// $CLI pointing at the hostdoc.dll under test. Whatever the script mounts is the test's own and is
/// gone when the namespace ends; the script cleans up the rest.
/// </summary>
internal static class PrivateNamespace
{
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
