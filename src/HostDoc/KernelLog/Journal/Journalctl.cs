using System.Diagnostics;

namespace HostDoc.KernelLog.Journal;

/// <summary>
/// The kernel messages journald keeps, through its own export: <c>journalctl -k -o json</c> (every systemd
/// host has it; the JSON is what <c>hostdoc logs</c> reads anyway). On a live host the system journal;
/// under <c>--root DIR</c> the journal files in <c>DIR/var/log/journal</c> (persistent) or <c>DIR/run/log/journal</c>.
/// </summary>
public static class Journalctl
{
    private static readonly string[] Directories = ["/var/log/journal", "/run/log/journal"];

    /// <summary>The journal directory of <paramref name="root"/>: null on a live host (the system journal); an error when a tree has none.</summary>
    public static bool TryDirectory(HostRoot root, out string? directory, out string? error)
    {
        (directory, error) = (null, null);
        if (root.IsLive)
        {
            return true;
        }

        if (root.DiskPath("/") is null)
        {
            error = "journalctl reads journal files from a directory, and a snapshot is an archive: extract it and use --root";
            return false;
        }

        directory = Directories.Select(root.DiskPath).OfType<string>().FirstOrDefault(Directory.Exists);
        error = directory is null ? "the tree has no journal (var/log/journal or run/log/journal)" : null;
        return directory is not null;
    }

    /// <summary>
    /// Starts <c>journalctl -k -o json -b BOOT</c> (plus <paramref name="extra"/>) on the journal of <paramref name="root"/>;
    /// null with <paramref name="error"/> when there is no journalctl or no journal.
    /// </summary>
    public static Process? Start(HostRoot root, string boot, IReadOnlyList<string> extra, out string? error)
    {
        if (!TryDirectory(root, out var directory, out error))
        {
            return null;
        }

        var start = new ProcessStartInfo("journalctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-k", "-o", "json", "--no-pager", "-b", boot }.Concat(directory is null ? [] : ["--directory", directory]).Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            return Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error = $"journalctl could not be run ({e.Message}); it comes with systemd";
            return null;
        }
    }

    /// <summary>Runs journalctl to the end and returns its JSON lines; null with <paramref name="error"/> when it failed.</summary>
    public static IReadOnlyList<string>? Lines(HostRoot root, string boot, IReadOnlyList<string> extra, out string? error)
    {
        using var process = Start(root, boot, extra, out error);
        if (process is null)
        {
            return null;
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            error = $"journalctl -k -b {boot}: {stderr.Result.Trim().ReplaceLineEndings(" ")} (exit {process.ExitCode})";
            return null;
        }

        return lines;
    }
}
