using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/pressure/{cpu,io,memory}</c> (PSI, 4.20+; Documentation/accounting/psi.rst): the share
/// of wall time in which some (or all) non-idle tasks were stalled on the resource, averaged over
/// 10, 60 and 300 seconds, and the total stall time in microseconds.
/// </summary>
/// <param name="Resource">cpu, io or memory.</param>
/// <param name="Some">The "some" line (zero for irq, which prints only "full").</param>
/// <param name="Full">The "full" line (absent for cpu on older kernels).</param>
public sealed record Pressure(string Resource, PressureLine Some, PressureLine? Full)
{
    /// <summary>Reads <c>/proc/pressure/RESOURCE</c>; missing on kernels without PSI.</summary>
    public static Sourced<Pressure> Read(HostRoot root, string resource) =>
        SourceReader.Read<Pressure>(root, "/proc/pressure/" + resource, text => Parse(resource, text));

    /// <summary>Parses the two lines.</summary>
    public static ParseResult<Pressure> Parse(string resource, ReadOnlySpan<char> text)
    {
        PressureLine? some = null;
        PressureLine? full = null;
        var number = 0;
        var errors = new List<ParseError>();
        foreach (var line in text.EnumerateLines())
        {
            number++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var parsed = PressureLine.TryParse(line);
            if (parsed is null)
            {
                errors.Add(ParseError.At(number, "\"some|full avg10=X avg60=X avg300=X total=N\"", line));
            }
            else if (line.StartsWith("some", StringComparison.Ordinal))
            {
                some = parsed;
            }
            else
            {
                full = parsed;
            }
        }

        // /proc/pressure/irq (6.1+) has only a "full" line; its Some is then zero.
        return new ParseResult<Pressure>(new Pressure(resource, some ?? new PressureLine(0, 0, 0, 0), full), some is null && full is null && errors.Count == 0
            ? [new ParseError(1, "a \"some\" line", "none")] : errors);
    }
}
