namespace HostDoc.Tests.Memory;

/// <summary>
/// Runs procps <c>free -b</c> on a given meminfo text: in a private mount namespace (unshare -m)
/// the text is bind-mounted over /proc/meminfo, so free reads exactly what hostdoc reads. The
/// namespace and the temporary file are this test's own; nothing else on the host changes.
/// </summary>
internal static class FreeOracle
{
    public static string FreeBytes(string meminfoText)
    {
        DebianOracle.Require("free", "procps");
        var file = Path.Combine(Path.GetTempPath(), "hostdoc-meminfo-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, meminfoText);
        try
        {
            var (output, exitCode) = PrivateNamespace.Run($"mount --bind '{file}' /proc/meminfo && free -b");
            return exitCode == 0 ? output : throw new InvalidOperationException($"unshare/free failed ({exitCode})");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
