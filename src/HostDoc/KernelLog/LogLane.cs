using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Incidents;
using HostDoc.KernelLog.Reading;
using HostDoc.KernelLog.Recognizers;

namespace HostDoc.KernelLog;

/// <summary>
/// One host's share of a log: its own timeline (boots, clock), its own recognizers (a SCSI report spans
/// lines of one host, never of two) and its own incidents (sdf on host A is not sdf on host B). A log
/// of one machine has one lane; a central syslog server's file has a lane per host name.
/// </summary>
internal sealed class LogLane
{
    private readonly ScsiRecognizer scsi;
    private readonly ILineRecognizer[] others;
    private readonly RsyncRecognizer rsync;

    public LogLane(AscAscqTable table, string? host, int year, int month)
    {
        Host = host;
        scsi = new ScsiRecognizer(table);
        others = Others();
        rsync = others.OfType<RsyncRecognizer>().First();
        Clock = new LogClock(year, month);
    }

    /// <summary>The recognizers after SCSI, in the order they are offered a line (NVMe before the block layer: its lines name nvme0n1 too).</summary>
    public static ILineRecognizer[] Others() =>
        [new LibataRecognizer(), new NvmeRecognizer(), new BlockRecognizer(), new FilesystemRecognizer(), new RaidRecognizer(), new KernelFaultRecognizer(),
         new NetworkRecognizer(), new HardwareRecognizer(), new BusRecognizer(), new SystemRecognizer(), new RsyncRecognizer()];

    /// <summary>The host name of the lane's lines; null for a log without host names (dmesg, kmsg, journalctl short).</summary>
    public string? Host { get; }

    /// <summary>The lane's timeline.</summary>
    public LogClock Clock { get; private set; }

    /// <summary>The lane's incidents so far.</summary>
    public IncidentBuilder Incidents { get; } = new();


    /// <summary>True when a recognizer waits for the line after the last one (a continuation).</summary>
    public bool WantsNextLine => scsi.WantsNextLine || Array.Exists(others, r => r.WantsNextLine);

    /// <summary>A new input begins: syslog times take their year from it.</summary>
    public void Restart(int year, int month) => Clock = new LogClock(year, month);

    /// <summary>Offers a line to the recognizers, SCSI first (its reports span lines).</summary>
    public void Dispatch(LogLine line, LogLine? previous)
    {
        if (line.Program is not null)
        {
            rsync.Recognize(line, previous, Incidents);   // another program's line (rsync's): only its own recognizer
            return;
        }

        if (scsi.Recognize(line, previous, Incidents))
        {
            return;
        }

        scsi.Flush(Incidents);
        foreach (var recognizer in others)
        {
            if (recognizer.Recognize(line, previous, Incidents))
            {
                return;
            }
        }
    }

    /// <summary>Ends an input: reports still being assembled become events.</summary>
    public void Flush()
    {
        scsi.Flush(Incidents);
        foreach (var recognizer in others)
        {
            recognizer.Flush(Incidents);
        }
    }
}
