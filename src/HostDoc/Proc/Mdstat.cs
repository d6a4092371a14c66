using System.Globalization;
using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/mdstat</c> (drivers/md/md.c md_seq_show): a Personalities line, then per array
/// <c>mdN : active|inactive [(read-only)|(auto-read-only)] [LEVEL] MEMBER[n][(F)|(S)…]…</c>, a line
/// with the size, <c>[n/m] [UU_]</c> for redundant levels, and optionally a bitmap line and the
/// progress of a resync or recovery (<c>[=>…]  recovery =  8.5% (…) finish=17.0min speed=…</c>,
/// or <c>resync=DELAYED</c>). Unknown lines are ignored; an array line that cannot be read is a problem.
/// </summary>
public static class Mdstat
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/mdstat";

    private static readonly string[] Levels = ["linear", "multipath", "raid0", "raid1", "raid4", "raid5", "raid6", "raid10", "faulty"];

    /// <summary>Reads and parses; a host without the md driver has no file.</summary>
    public static Sourced<IReadOnlyList<MdArray>> Read(HostRoot root) => SourceReader.Read(root, KernelPath, Parse);

    /// <summary>Parses the text.</summary>
    public static ParseResult<IReadOnlyList<MdArray>> Parse(ReadOnlySpan<char> text)
    {
        var arrays = new List<MdArray>();
        var errors = new List<ParseError>();
        var number = 0;
        var inArray = false;   // the lines after a damaged array line are its, not the previous array's
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty || line.StartsWith("Personalities") || line.StartsWith("unused devices") || line.StartsWith("bitmap:"))
            {
                continue;
            }

            var colon = line.IndexOf(" : ");
            if (colon > 0 && line.StartsWith("md"))
            {
                var array = ArrayLine(line[..colon].Trim().ToString(), line[(colon + 3)..]);
                inArray = array is not null;
                if (array is not null)
                {
                    arrays.Add(array);
                }
                else
                {
                    errors.Add(ParseError.At(number, "\"mdN : active|inactive [LEVEL] DEV[N]…\"", line));
                }

                continue;
            }

            if (!inArray)
            {
                continue;
            }

            var last = arrays[^1];
            if (line.Contains(" blocks", StringComparison.Ordinal))
            {
                arrays[^1] = SizeLine(last, line);
            }
            else if (SyncLine(line) is { } sync)
            {
                arrays[^1] = last with { Sync = sync };
            }
        }

        return new ParseResult<IReadOnlyList<MdArray>>(arrays, errors);
    }

    private static MdArray? ArrayLine(string name, ReadOnlySpan<char> rest)
    {
        var words = rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0] is not ("active" or "inactive"))
        {
            return null;
        }

        var i = 1;
        var readOnly = false;
        if (i < words.Length && words[i] is "(read-only)" or "(auto-read-only)")
        {
            readOnly = true;
            i++;
        }

        string? level = null;
        if (i < words.Length && Levels.Contains(words[i]))
        {
            level = words[i++];
        }

        var members = new List<MdMember>();
        for (; i < words.Length; i++)
        {
            var w = words[i];
            var open = w.IndexOf('[', StringComparison.Ordinal);
            var close = open < 0 ? -1 : w.IndexOf(']', open);
            if (open <= 0 || close < 0 || !int.TryParse(w.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var slot))
            {
                return null;
            }

            var flags = string.Concat(w[(close + 1)..].Where(char.IsAsciiLetterUpper));
            members.Add(new MdMember(w[..open], slot, flags.Contains('F', StringComparison.Ordinal), flags.Contains('S', StringComparison.Ordinal), flags));
        }

        return new MdArray(name, words[0] == "active", readOnly, level, members, null, null, null, null, null);
    }

    private static MdArray SizeLine(MdArray array, ReadOnlySpan<char> line)
    {
        var words = line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ulong? blocks = words.Length > 1 && words[1] == "blocks" && ulong.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
        int? n = null, m = null;
        string? status = null;
        foreach (var w in words)
        {
            if (w.Length > 4 && w[0] == '[' && w[^1] == ']' && w.IndexOf('/', StringComparison.Ordinal) is > 1 and var slash
                && int.TryParse(w.AsSpan(1, slash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var disks)
                && int.TryParse(w.AsSpan(slash + 1, w.Length - slash - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var working))
            {
                (n, m) = (disks, working);
            }
            else if (w.Length > 2 && w[0] == '[' && w[^1] == ']' && w[1..^1].All(c => c is 'U' or '_'))
            {
                status = w[1..^1];
            }
        }

        var super = System.Array.IndexOf(words, "super");
        return array with { Blocks = blocks, RaidDisks = n, WorkingDisks = m, Status = status, Metadata = super >= 0 && super + 1 < words.Length ? words[super + 1] : null };
    }

    /// <summary><c>[=>…]  recovery =  8.5% (16775552/195310144) finish=17.0min speed=259783K/sec</c>, or <c>resync=DELAYED</c>.</summary>
    private static MdSync? SyncLine(ReadOnlySpan<char> line)
    {
        var text = line.ToString();
        foreach (var action in (string[])["recovery", "resync", "check", "repair", "reshape"])
        {
            if (text.StartsWith(action + "=", StringComparison.Ordinal))
            {
                return new MdSync(action, null, null, null, text[(action.Length + 1)..].Trim());
            }

            var at = text.IndexOf(" " + action + " =", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var after = text[(at + action.Length + 3)..].TrimStart();
            var percent = after.IndexOf('%', StringComparison.Ordinal) is > 0 and var p
                && double.TryParse(after.AsSpan(0, p), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : (double?)null;
            var (done, total) = Progress(after);
            return new MdSync(action, percent, Value(text, "finish="), Value(text, "speed="), null, done, total);
        }

        return null;
    }

    /// <summary>The first <c>(DONE/TOTAL)</c> in <paramref name="text"/>: in 1 KiB blocks, as the size line counts.</summary>
    private static (ulong? Done, ulong? Total) Progress(ReadOnlySpan<char> text)
    {
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('('))
        {
            text = text[(open + 1)..];
            var close = text.IndexOf(')');
            var inside = close < 0 ? [] : text[..close];
            var slash = inside.IndexOf('/');
            if (slash > 0 && KernelNumber.TryParseUnsigned(inside[..slash], out var done) && KernelNumber.TryParseUnsigned(inside[(slash + 1)..], out var total))
            {
                return (done, total);
            }
        }

        return (null, null);
    }

    private static string? Value(string text, string key) =>
        text.IndexOf(key, StringComparison.Ordinal) is >= 0 and var at ? text[(at + key.Length)..].Split(' ')[0] : null;
}
