namespace HostDoc.Checks.CheckDisk;

/// <summary>What check_disk prints on standard output (one or more lines, newline-terminated) and its exit code.</summary>
/// <param name="Text">The output.</param>
/// <param name="ExitCode">0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.</param>
public sealed record CheckDiskOutcome(string Text, int ExitCode)
{
    /// <summary>The usage lines check_disk 2.3.3 prints after a command-line error.</summary>
    public const string Usage =
        "Usage:\n" +
        " check_disk {-w absolute_limit |-w  percentage_limit% | -W inode_percentage_limit } {-c absolute_limit|-c percentage_limit% | -K inode_percentage_limit } {-p path | -x device}\n" +
        "[-C] [-E] [-e] [-f] [-g group ] [-k] [-l] [-M] [-m] [-R path ] [-r path ]\n" +
        "[-t timeout] [-u unit] [-v] [-X type] [-N type]\n";

    /// <summary>An UNKNOWN outcome (exit 3) with <paramref name="text"/> as printed.</summary>
    public static CheckDiskOutcome Unknown(string text) => new(text, 3);

    /// <summary>A CRITICAL outcome (exit 2) with <paramref name="text"/> as printed.</summary>
    public static CheckDiskOutcome Critical(string text) => new(text, 2);
}
