using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/loadavg</c>: load averages over 1, 5 and 15 minutes, runnable/total tasks, last pid.
/// Linux counts tasks in uninterruptible sleep (D) in the load, not only runnable ones.
/// </summary>
public sealed record Loadavg(double One, double Five, double Fifteen, int Runnable, int Total)
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/loadavg";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<Loadavg> Read(HostRoot root) => SourceReader.Read<Loadavg>(root, KernelPath, Parse);

    /// <summary>Parses <c>0.91 1.22 1.12 1/78 26306</c>.</summary>
    public static ParseResult<Loadavg> Parse(ReadOnlySpan<char> text)
    {
        var f = text.Trim().ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slash = f.Length > 3 ? f[3].IndexOf('/', StringComparison.Ordinal) : -1;
        if (f.Length < 4 || slash < 0
            || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var one)
            || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var five)
            || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var fifteen)
            || !int.TryParse(f[3][..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var runnable)
            || !int.TryParse(f[3][(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            return new ParseResult<Loadavg>(new Loadavg(0, 0, 0, 0, 0), [ParseError.At(1, "\"L1 L5 L15 RUNNABLE/TOTAL LASTPID\"", text.Trim())]);
        }

        return new ParseResult<Loadavg>(new Loadavg(one, five, fifteen, runnable, total), []);
    }
}
