namespace HostDoc.KernelLog.Decoders;

/// <summary>SCSI sense key names (SPC).</summary>
public static class SenseKeys
{
    private static readonly string[] Names =
    [
        "No Sense", "Recovered Error", "Not Ready", "Medium Error", "Hardware Error", "Illegal Request", "Unit Attention",
        "Data Protect", "Blank Check", "Vendor Specific", "Copy Aborted", "Aborted Command", "Equal", "Volume Overflow",
        "Miscompare", "Completed",
    ];

    /// <summary>The name of sense key <paramref name="key"/> (0–15).</summary>
    public static string Name(int key) => Names[key & 0x0f];

    /// <summary>The key a name stands for (case-insensitive, as the kernel prints it), or -1.</summary>
    public static int Parse(string name) =>
        Array.FindIndex(Names, n => n.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>What the key means for an operator, in one phrase.</summary>
    public static string Meaning(int key) => (key & 0x0f) switch
    {
        1 => "the device recovered from the error by itself (retries or ECC); data is good",
        2 => "the device is not ready (spinning up, no medium, or failed)",
        3 => "the medium is damaged at this place: data there could not be read or written",
        4 => "the device itself failed (controller, firmware, mechanics)",
        5 => "the command was invalid for this device",
        6 => "the device was reset or its settings changed; the next command is expected to work",
        7 => "the device refused to write (write-protected or locked)",
        11 => "the device aborted the command (often a transport or link problem, retried)",
        _ => "",
    };
}
