namespace HostDoc.KernelLog.Reading;

/// <summary>What a scan read and what it had to skip: never fatal, always counted.</summary>
public sealed class ScanCounts
{
    /// <summary>Bytes read.</summary>
    public long Bytes { get; set; }

    /// <summary>Lines read.</summary>
    public long Lines { get; set; }

    /// <summary>Lines the prefilter passed to the recognizers.</summary>
    public long Candidates { get; set; }

    /// <summary>Lines longer than <see cref="LogLineScanner.MaxLineBytes"/>, skipped.</summary>
    public long LongLines { get; set; }

    /// <summary>Lines with NUL bytes or invalid UTF-8 (binary garbage), skipped.</summary>
    public long BinaryLines { get; set; }
}
