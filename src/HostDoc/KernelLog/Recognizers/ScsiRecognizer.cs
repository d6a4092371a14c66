using System.Globalization;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;
using HostDoc.Sources;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// The SCSI mid-layer's error report, assembled across its lines into one <see cref="ScsiErrorEvent"/>:
/// <c>sd H:C:T:L: [sdX] Unhandled sense code</c>, <c>SCSI error: return code = 0x…</c>,
/// <c>[sdX] tag#N FAILED Result: hostbyte=… driverbyte=…</c> (also <c>UNKNOWN(0x2003) Result: …</c>),
/// <c>Sense Key : Medium Error [current] [descriptor]</c> and the older
/// <c>sdf: Current [descriptor]: sense key: Medium Error</c>, <c>Add. Sense: …</c> or
/// <c>&lt;&lt;vendor&gt;&gt;ASC=0x.. ASCQ=0x..</c>, the sense bytes under
/// <c>… sense data … (in hex):</c> (kernels up to 3.18), and <c>CDB: Read(10): 28 00 …</c>.
/// </summary>
public sealed class ScsiRecognizer(AscAscqTable table) : ILineRecognizer
{
    private Draft? draft;
    private bool readingHex;

    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => Phrases;

    /// <summary>The anchors, without an instance (they do not depend on the table).</summary>
    public static IReadOnlyList<LogAnchor> Phrases { get; } = ["ense", "ASC=", "byte=", "SCSI error", "CDB"];

    /// <inheritdoc/>
    public bool WantsNextLine => readingHex;

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var message = line.Message;
        if (readingHex)
        {
            if (SenseData.TryParseHex([message], out var bytes, out _) && message.Length > 0 && char.IsAsciiHexDigit(message[0]))
            {
                draft!.Sense.AddRange(bytes);
                return true;
            }

            readingHex = false;
        }

        var rest = Peel(message, out var address, out var disk);
        var kind = Classify(rest);
        if (kind == LineKind.None)
        {
            return false;
        }

        if (draft is not null && (draft.Has(kind) || (address is not null && draft.Address is not null && address != draft.Address)
            || (disk is not null && draft.Disk is not null && disk != draft.Disk)))
        {
            Flush(sink);
        }

        draft ??= new Draft(line);
        draft.Address ??= address;
        draft.Disk ??= disk;
        draft.Seen.Add(kind);
        switch (kind)
        {
            case LineKind.ReturnCode:
                draft.Result = KernelNumber.AsUInt32(MessageText.HexAfter(rest, "return code = "));
                break;
            case LineKind.Result:
                draft.HostByte = MessageText.WordAfter(rest, "hostbyte=");
                draft.DriverByte = MessageText.WordAfter(rest, "driverbyte=");
                break;
            case LineKind.SenseKey:
                ReadSenseKey(rest, draft);
                break;
            case LineKind.AdditionalSense:
                ReadAdditionalSense(rest, draft);
                break;
            case LineKind.SenseBytesHeading:
                readingHex = true;
                break;
            case LineKind.Cdb:
                ReadCdb(rest, draft);
                break;
            default:
                break;
        }

        return true;
    }

    /// <inheritdoc/>
    public void Flush(IEventSink sink)
    {
        readingHex = false;
        if (draft is not { } d)
        {
            return;
        }

        draft = null;
        var sense = d.Sense.Count > 0 ? SenseData.Decode(d.Sense.ToArray()) : null;
        var key = sense?.SenseKey ?? d.SenseKey;
        var asc = sense?.Asc ?? d.Asc;
        var ascq = sense?.Ascq ?? d.Ascq;
        var text = d.AdditionalSense ?? (asc >= 0 ? table.Describe(asc, ascq) : null);
        sink.Emit(new ScsiErrorEvent(d.Line, d.Address, d.Disk, d.Result, d.HostByte, d.DriverByte, key, asc, ascq, text,
            sense is { InformationValid: true } ? sense.Information : null, d.CdbLba, d.CdbBlocks, sense?.Deferred ?? d.Deferred));
    }

    private enum LineKind
    {
        None,
        Unhandled,
        ReturnCode,
        Result,
        SenseKey,
        AdditionalSense,
        SenseBytesHeading,
        Cdb,
    }

    private static LineKind Classify(string rest) => rest switch
    {
        _ when rest.StartsWith("Unhandled ", StringComparison.Ordinal) => LineKind.Unhandled,
        _ when rest.Contains("return code = ", StringComparison.Ordinal) => LineKind.ReturnCode,
        _ when rest.Contains("Result: hostbyte=", StringComparison.Ordinal) => LineKind.Result,
        _ when rest.StartsWith("Sense Key", StringComparison.Ordinal) || rest.Contains("sense key:", StringComparison.Ordinal) => LineKind.SenseKey,
        _ when rest.StartsWith("Add. Sense:", StringComparison.Ordinal) || rest.StartsWith("Additional sense:", StringComparison.Ordinal)
            || rest.StartsWith("<<vendor>>ASC=", StringComparison.Ordinal) || rest.StartsWith("ASC=", StringComparison.Ordinal) => LineKind.AdditionalSense,
        _ when rest.Contains("sense data", StringComparison.OrdinalIgnoreCase) && rest.EndsWith("(in hex):", StringComparison.Ordinal) => LineKind.SenseBytesHeading,
        _ when rest.StartsWith("CDB:", StringComparison.Ordinal) => LineKind.Cdb,
        _ => LineKind.None,
    };

    /// <summary>Removes <c>sd H:C:T:L: </c>, <c>[sdX] </c>, <c>sdX: </c> and <c>tag#N </c> from the front.</summary>
    private static string Peel(string message, out string? address, out string? disk)
    {
        address = null;
        disk = null;
        var rest = message;
        var space = rest.IndexOf(' ');
        if (space is > 0 and < 4 && rest.Length > space + 1 && char.IsAsciiDigit(rest[space + 1]))
        {
            var colon = rest.IndexOf(": ", space, StringComparison.Ordinal);
            if (colon > space && rest[(space + 1)..colon].Count(c => c == ':') == 3)
            {
                address = rest[(space + 1)..colon];
                rest = rest[(colon + 2)..];
            }
        }

        if (rest.StartsWith('[') && rest.IndexOf("] ", StringComparison.Ordinal) is var close and > 1)
        {
            disk = rest[1..close];
            rest = rest[(close + 2)..].TrimStart();
        }
        else if (rest.IndexOf(": ", StringComparison.Ordinal) is var colon and > 1 and < 12 && IsDiskName(rest[..colon]))
        {
            disk = rest[..colon];
            rest = rest[(colon + 2)..];
        }

        if (rest.StartsWith("tag#", StringComparison.Ordinal) && rest.IndexOf(' ') is var tagEnd and > 0)
        {
            rest = rest[(tagEnd + 1)..];
        }

        return rest;
    }

    private static bool IsDiskName(string word) =>
        word.Length >= 3 && (word.StartsWith("sd", StringComparison.Ordinal) || word.StartsWith("sr", StringComparison.Ordinal)
            || word.StartsWith("st", StringComparison.Ordinal) || word.StartsWith("hd", StringComparison.Ordinal))
        && word.All(char.IsAsciiLetterOrDigit);

    private static void ReadSenseKey(string rest, Draft draft)
    {
        // "Sense Key : Medium Error [current] [descriptor]", "Sense Key : 0x3 [current]", "Current [descriptor]: sense key: Medium Error"
        var at = rest.IndexOf("Sense Key : ", StringComparison.Ordinal) is var k and >= 0 ? k + 12
            : rest.IndexOf("sense key: ", StringComparison.Ordinal) is var lower and >= 0 ? lower + 11 : -1;
        if (at < 0)
        {
            return;   // "Sense Key" without its " : " (a damaged line): no key to read
        }

        var name = rest[at..];
        var bracket = name.IndexOf(" [", StringComparison.Ordinal);
        name = (bracket >= 0 ? name[..bracket] : name).Trim();
        draft.SenseKey = name.StartsWith("0x", StringComparison.Ordinal) ? (KernelNumber.AsInt32(MessageText.Hex(name)) ?? 0) : SenseKeys.Parse(name);
        draft.Deferred = rest.Contains("[deferred]", StringComparison.Ordinal) || rest.StartsWith("Deferred", StringComparison.Ordinal);
    }

    private void ReadAdditionalSense(string rest, Draft draft)
    {
        var asc = MessageText.HexAfter(rest, "ASC=");
        var ascq = MessageText.HexAfter(rest, "ASCQ=");
        if (KernelNumber.AsInt32(asc) is { } a && KernelNumber.AsInt32(ascq) is { } q && a <= 0xff && q <= 0xff)
        {
            draft.Asc = a;
            draft.Ascq = q;
            draft.AdditionalSense = table.Describe(draft.Asc, draft.Ascq);
            return;
        }

        var colon = rest.IndexOf(':');
        draft.AdditionalSense = rest[(colon + 1)..].Trim();
        if (table.Find(draft.AdditionalSense) is { } code)
        {
            draft.Asc = code.Asc;
            draft.Ascq = code.Ascq;
        }
    }

    private static void ReadCdb(string rest, Draft draft)
    {
        var bytes = new List<byte>();
        foreach (var word in rest[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            if (word.Length != 2 || !byte.TryParse(word, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                break;
            }

            bytes.Insert(0, b);
        }

        if (ScsiCdb.TryReadAddress(bytes.ToArray(), out var lba, out var blocks))
        {
            draft.CdbLba = lba;
            draft.CdbBlocks = blocks;
        }
    }

    private sealed class Draft(LogLine line)
    {
        public LogLine Line { get; } = line;

        public HashSet<LineKind> Seen { get; } = [];

        public string? Address { get; set; }

        public string? Disk { get; set; }

        public uint? Result { get; set; }

        public string? HostByte { get; set; }

        public string? DriverByte { get; set; }

        public int SenseKey { get; set; } = -1;

        public int Asc { get; set; } = -1;

        public int Ascq { get; set; } = -1;

        public string? AdditionalSense { get; set; }

        public bool Deferred { get; set; }

        public List<byte> Sense { get; } = [];

        public ulong? CdbLba { get; set; }

        public uint? CdbBlocks { get; set; }

        public bool Has(LineKind kind) => kind != LineKind.SenseBytesHeading && Seen.Contains(kind);
    }
}
