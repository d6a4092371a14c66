namespace HostDoc.KernelLog.Reading;

/// <summary>Where <see cref="LogLineScanner"/> delivers the lines its prefilter let through.</summary>
public interface ILogLineSink
{
    /// <summary>
    /// Takes one line. <paramref name="previous"/> is the line before it as UTF-8 bytes, empty when there is
    /// none (a libata <c>res</c> line continues the <c>cmd</c> line above); it is decoded only by a sink that
    /// needs it. Returns true to be given the next line as well, whatever the prefilter says of it (a
    /// sense-data hex dump continues below its heading).
    /// </summary>
    bool Take(string line, long lineNumber, ReadOnlySpan<byte> previous);
}
