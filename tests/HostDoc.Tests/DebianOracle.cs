using System.Diagnostics;

namespace HostDoc.Tests;

/// <summary>
/// The tests' oracles and peers are Debian packages (check_disk, sg_decode_sense, free, node_exporter,
/// promtool, prometheus, chromium, …). README's test command must pass on a machine that has only the
/// .NET SDK, so a test that needs one installs its package on first use with apt-get (the tests run as
/// root; see README) instead of skipping: one install at a time, across test classes and processes,
/// under a lock file; apt-get update first only when the package lists do not know the package.
/// </summary>
internal static class DebianOracle
{
    private static readonly object Gate = new();
    private const string LockFile = "/tmp/hostdoc-tests-apt.lock";

    /// <summary>The path of <paramref name="executable"/> (absolute, or looked up on PATH), installing <paramref name="package"/> when it is missing.</summary>
    public static string Require(string executable, string package)
    {
        if (Find(executable) is { } found)
        {
            return found;
        }

        lock (Gate)
        {
            using var fileLock = AcquireFileLock();
            if (Find(executable) is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            var log = new System.Text.StringBuilder();
            if (!AptGet(log, "install", "-y", "-qq", "--no-install-recommends", package))
            {
                AptGet(log, "update", "-qq");
                AptGet(log, "install", "-y", "-qq", "--no-install-recommends", package);
            }

            return Find(executable) ?? throw new InvalidOperationException(
                $"{executable} is missing and 'apt-get install {package}' did not provide it (the tests need root and the Debian archive):\n{log}");
        }
    }

    private static string? Find(string executable)
    {
        if (executable.StartsWith('/'))
        {
            return File.Exists(executable) ? executable : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':')
            .Select(dir => Path.Combine(dir, executable)).FirstOrDefault(File.Exists);
    }

    private static FileStream AcquireFileLock()
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static bool AptGet(System.Text.StringBuilder log, params string[] args)
    {
        var start = new ProcessStartInfo("apt-get", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start)!;
        var stdout = apt.StandardOutput.ReadToEndAsync();
        var stderr = apt.StandardError.ReadToEndAsync();
        if (!apt.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            apt.Kill(entireProcessTree: true);
        }

        log.Append("apt-get ").AppendJoin(' ', args).Append(": exit ").Append(apt.HasExited ? apt.ExitCode : -1).Append('\n')
            .Append(stdout.Result).Append(stderr.Result);
        return apt.HasExited && apt.ExitCode == 0;
    }
}
