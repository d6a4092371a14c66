using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HostDoc.Tests;

/// <summary>
/// A network namespace the test makes (<c>ip netns add hostdoc-TAG-PID</c>, lo up) and removes: commands
/// run in it with <c>ip netns exec</c> (which also remounts /sys, so /sys/class/net is the namespace's),
/// and sockets are made in it on a thread that joined it with setns(2). Nothing here touches the host's
/// own interfaces; packets never leave the namespaces the test made.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private const int CloneNewNet = 0x40000000;

    private readonly bool runNetnsWasMounted;

    private NetworkNamespace(string name, bool runNetnsWasMounted)
    {
        Name = name;
        this.runNetnsWasMounted = runNetnsWasMounted;
    }

    /// <summary>The namespace's name.</summary>
    public string Name { get; }

    /// <summary>Makes the namespace with its loopback up.</summary>
    public static NetworkNamespace Create(string tag)
    {
        var name = $"hostdoc-{tag}-{Environment.ProcessId}";
        Global("netns", "del", name);   // a leftover of a killed run of this test
        var mounted = RunNetnsIsMounted();   // ip netns makes /run/netns a mount of its own the first time; the last one out removes it
        var (code, _, error) = Global("netns", "add", name);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip netns add {name}: {error}");
        }

        var ns = new NetworkNamespace(name, mounted);
        ns.Ip("link", "set", "lo", "up");
        return ns;
    }

    /// <summary>Runs <c>ip -n NAME ARGS</c>.</summary>
    public (int Code, string Out, string Err) Ip(params string[] args) => Run(IpPath, ["-n", Name, .. args]);

    /// <summary>Runs a program inside the namespace.</summary>
    public (int Code, string Out, string Err) Exec(params string[] args) => Run(IpPath, ["netns", "exec", Name, .. args]);

    /// <summary>Runs the hostdoc under test inside the namespace.</summary>
    public (int Code, string Out, string Err) Hostdoc(params string[] args) => Exec(["dotnet", Path.Combine(AppContext.BaseDirectory, "hostdoc.dll"), .. args]);

    /// <summary>Runs <paramref name="action"/> on a thread that has joined the namespace: sockets it makes are the namespace's.</summary>
    public T Inside<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/run/netns/{Name}");
                if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new InvalidOperationException($"setns {Name}: errno {Marshal.GetLastWin32Error()}");
                }

                result = action();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("inside " + Name, failure);
    }

    public void Dispose()
    {
        Global("netns", "del", Name);
        if (!runNetnsWasMounted && RunNetnsIsMounted() && !Directory.EnumerateFileSystemEntries("/run/netns").Any())
        {
            Run(DebianOracle.Require("umount", "mount"), ["/run/netns"]);
        }
    }

    private static bool RunNetnsIsMounted() =>
        File.ReadLines("/proc/self/mountinfo").Any(l => l.Split(' ') is { Length: > 4 } f && f[4] == "/run/netns");

    private static string IpPath => DebianOracle.Require("ip", "iproute2");

    private static (int Code, string Out, string Err) Global(params string[] args) => Run(IpPath, args);

    private static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, output, error.Result);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);
}
