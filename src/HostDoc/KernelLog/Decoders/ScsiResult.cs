namespace HostDoc.KernelLog.Decoders;

/// <summary>
/// A SCSI command result as the kernel logs it (<c>return code = 0x08000002</c>): driver byte &lt;&lt; 24 |
/// host byte &lt;&lt; 16 | message byte &lt;&lt; 8 | SAM status; or a disposition (0x2001–0x2006) printed
/// as <c>UNKNOWN(0x2003)</c> by kernels without CONFIG_SCSI_CONSTANTS.
/// </summary>
public static class ScsiResult
{
    private static readonly string[] Hosts =
    [
        "DID_OK", "DID_NO_CONNECT", "DID_BUS_BUSY", "DID_TIME_OUT", "DID_BAD_TARGET", "DID_ABORT", "DID_PARITY", "DID_ERROR", "DID_RESET",
        "DID_BAD_INTR", "DID_PASSTHROUGH", "DID_SOFT_ERROR", "DID_IMM_RETRY", "DID_REQUEUE", "DID_TRANSPORT_DISRUPTED",
        "DID_TRANSPORT_FAILFAST", "DID_TARGET_FAILURE", "DID_NEXUS_FAILURE", "DID_ALLOC_FAILURE", "DID_MEDIUM_ERROR",
    ];

    private static readonly string[] Drivers = ["DRIVER_OK", "DRIVER_BUSY", "DRIVER_SOFT", "DRIVER_MEDIA", "DRIVER_ERROR", "DRIVER_INVALID", "DRIVER_TIMEOUT", "DRIVER_HARD", "DRIVER_SENSE"];

    /// <summary>One line per part of <paramref name="result"/>, in words.</summary>
    public static IReadOnlyList<string> Describe(uint result)
    {
        if (result is >= 0x2001 and <= 0x2006)
        {
            string[] dispositions = ["NEEDS_RETRY", "SUCCESS", "FAILED", "QUEUED", "ADD_TO_MLQUEUE", "TIMEOUT_ERROR"];
            return [$"disposition {dispositions[result - 0x2001]} (0x{result:x}): the error handler's verdict on the command"];
        }

        var driver = (int)(result >> 24) & 0xff;
        var host = (int)(result >> 16) & 0xff;
        var message = (int)(result >> 8) & 0xff;
        var status = (int)(result & 0xff);
        return
        [
            $"driver byte 0x{driver:x2} {(driver < Drivers.Length ? Drivers[driver] : "?")}{(driver == 8 ? ": sense data follows" : "")}",
            $"host byte   0x{host:x2} {(host < Hosts.Length ? Hosts[host] : "?")}",
            $"message     0x{message:x2}",
            $"SAM status  0x{status:x2} {Status(status)}",
        ];
    }

    /// <summary>The parts in one line: <c>DRIVER_SENSE, DID_OK, CHECK CONDITION</c>.</summary>
    public static string Brief(uint result)
    {
        if (result is >= 0x2001 and <= 0x2006)
        {
            return Describe(result)[0];
        }

        var driver = (int)(result >> 24) & 0xff;
        var host = (int)(result >> 16) & 0xff;
        var status = Status((int)(result & 0xff));
        var colon = status.IndexOf(':', StringComparison.Ordinal);
        return $"{(driver < Drivers.Length ? Drivers[driver] : $"driver 0x{driver:x2}")}, {(host < Hosts.Length ? Hosts[host] : $"host 0x{host:x2}")}, {(colon > 0 ? status[..colon] : status)}";
    }

    private static string Status(int status) => status switch
    {
        0x00 => "GOOD",
        0x02 => "CHECK CONDITION: the device has sense data explaining the error",
        0x04 => "CONDITION MET",
        0x08 => "BUSY",
        0x18 => "RESERVATION CONFLICT",
        0x28 => "TASK SET FULL",
        0x30 => "ACA ACTIVE",
        0x40 => "TASK ABORTED",
        _ => "?",
    };
}
