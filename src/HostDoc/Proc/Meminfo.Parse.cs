using HostDoc.Sources;

namespace HostDoc.Proc;

public sealed partial record Meminfo
{
    private const string LineShape = "\"Name: number [kB]\"";

    /// <summary>
    /// Parses the text of /proc/meminfo. Lines that do not have the shape <c>Name: number [kB]</c>
    /// are reported as errors and skipped; the rest still make a record.
    /// </summary>
    public static ParseResult<Meminfo> Parse(ReadOnlySpan<char> text)
    {
        var entries = new List<MeminfoEntry>(64);
        var errors = new List<ParseError>();
        var lineNumber = 0;
        var inByteTable = false;
        foreach (var rawLine in text.EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.TrimEnd();
            if (line.IsEmpty)
            {
                continue;
            }

            // 2.4 kernels open with a table in bytes ("total: used: free: …", then "Mem:" and "Swap:"
            // rows) before the Name: value kB lines; the same values follow as MemTotal, SwapTotal, ….
            if (entries.Count == 0 && errors.Count == 0 && line.TrimStart().StartsWith("total:", StringComparison.Ordinal))
            {
                inByteTable = true;
                continue;
            }

            inByteTable = inByteTable && (line.StartsWith("Mem:", StringComparison.Ordinal) || line.StartsWith("Swap:", StringComparison.Ordinal));
            if (inByteTable)
            {
                continue;
            }

            if (TryParseLine(line, out var entry, out var failedKey))
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add(ParseError.At(lineNumber, LineShape, line, failedKey));
            }
        }

        if (entries.Count > 0 && !entries.Exists(e => e.Name == "MemTotal"))
        {
            errors.Add(new ParseError(lineNumber, "a MemTotal line", "none", "MemTotal"));
        }
        else if (entries.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ParseError(1, LineShape, "an empty file", "MemTotal"));
        }

        return new ParseResult<Meminfo>(new Meminfo(entries), errors);
    }

    private static bool TryParseLine(ReadOnlySpan<char> line, out MeminfoEntry entry, out string? key)
    {
        entry = default;
        key = null;
        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var name = line[..colon];
        if (name.ContainsAny(' ', '\t'))
        {
            return false;
        }

        key = name.ToString();
        var rest = line[(colon + 1)..].Trim();
        var space = rest.IndexOfAny(' ', '\t');
        var number = space < 0 ? rest : rest[..space];
        var unit = space < 0 ? [] : rest[(space + 1)..].Trim();
        if (!KernelNumber.TryParseUnsigned(number, out var value))
        {
            return false;
        }

        if (unit.IsEmpty)
        {
            entry = new MeminfoEntry(key, value, IsBytes: false);
            return true;
        }

        if (!unit.SequenceEqual("kB") || value > ulong.MaxValue / 1024)
        {
            return false;
        }

        entry = new MeminfoEntry(key, value * 1024, IsBytes: true);
        return true;
    }
}
