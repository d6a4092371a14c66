using System.Text;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Proc.Pid;

/// <summary>
/// <c>/proc/self/mountinfo</c> (fs/proc_namespace.c show_mountinfo): the mount table of the
/// reading process's namespace, one <see cref="MountinfoEntry"/> a line.
/// </summary>
public sealed record Mountinfo(IReadOnlyList<MountinfoEntry> Entries)
{
    /// <summary>The kernel path this record is read from.</summary>
    public const string KernelPath = "/proc/self/mountinfo";

    private const string LineShape = "\"ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - TYPE SOURCE SUPEROPTIONS\"";

    /// <summary>Reads and parses <c>/proc/self/mountinfo</c> under <paramref name="root"/>.</summary>
    public static Sourced<Mountinfo> Read(HostRoot root) => SourceReader.Read<Mountinfo>(root, KernelPath, Parse);

    /// <summary>Parses mountinfo text; a malformed line is reported and skipped.</summary>
    public static ParseResult<Mountinfo> Parse(ReadOnlySpan<char> text)
    {
        var entries = new List<MountinfoEntry>();
        var errors = new List<ParseError>();
        var lineNumber = 0;
        foreach (var line in text.EnumerateLines())
        {
            lineNumber++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (TryParseLine(line, out var entry))
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add(ParseError.At(lineNumber, LineShape, line));
            }
        }

        return new ParseResult<Mountinfo>(new Mountinfo(entries), errors);
    }

    private static bool TryParseLine(ReadOnlySpan<char> line, out MountinfoEntry entry)
    {
        entry = null!;
        // Runs of spaces are collapsed: paths escape their spaces as \040, so a run is never data.
        var fields = new List<string>(12);
        foreach (var range in line.SplitAny(' ', '\t'))
        {
            if (!line[range].IsEmpty)
            {
                fields.Add(line[range].ToString());
            }
        }

        var separator = fields.Count < 9 ? -1 : fields.IndexOf("-", 6);
        if (separator < 0 || separator + 2 > fields.Count || !TrySplitTail(line, out var fsType, out var source, out var superOptions)
            || !int.TryParse(fields[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(fields[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parent)
            || !DeviceNumber.TryParse(fields[2], out var device))
        {
            return false;
        }

        entry = new MountinfoEntry(
            id,
            parent,
            device,
            Unescape(fields[3]),
            Unescape(fields[4]),
            fields[5].Split(',').Select(Unescape).ToArray(),
            fields[6..separator],
            Unescape(fsType),
            Unescape(source),
            superOptions.Length > 0 ? superOptions.Split(',').Select(Unescape).ToArray() : []);
        return true;
    }

    /// <summary>
    /// Splits what follows " - " by single spaces, as show_mountinfo prints it: an empty source
    /// (<c>- tmpfs  rw</c>, printed as nothing before 5.1) is a field too, and the super options are the
    /// rest of the line, since some filesystems print them unescaped (CIFS <c>unc=\\srv\share A</c>).
    /// </summary>
    private static bool TrySplitTail(ReadOnlySpan<char> line, out string fsType, out string source, out string superOptions)
    {
        (fsType, source, superOptions) = ("", "", "");
        var dash = line.IndexOf(" - ", StringComparison.Ordinal);
        var tail = dash < 0 ? [] : line[(dash + 3)..];
        var space = tail.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        fsType = tail[..space].ToString();
        var rest = tail[(space + 1)..];
        space = rest.IndexOf(' ');
        source = (space < 0 ? rest : rest[..space]).ToString();
        superOptions = space < 0 ? "" : rest[(space + 1)..].TrimEnd().ToString();
        return true;
    }

    /// <summary>Decodes the kernel's <c>\NNN</c> octal escapes (mangle() in fs/proc_namespace.c escapes space, tab, newline and backslash).</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && IsOctal(text, i + 1))
            {
                builder.Append((char)(((text[i + 1] - '0') << 6) | ((text[i + 2] - '0') << 3) | (text[i + 3] - '0')));
                i += 3;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Encodes a path the way the kernel does, for trees that carry per-mount values keyed by mount point.</summary>
    public static string Escape(string path) =>
        path.Replace("\\", "\\134", StringComparison.Ordinal).Replace(" ", "\\040", StringComparison.Ordinal)
            .Replace("\t", "\\011", StringComparison.Ordinal).Replace("\n", "\\012", StringComparison.Ordinal);

    private static bool IsOctal(string text, int at) =>
        at + 2 < text.Length && text[at] is >= '0' and <= '3' && text[at + 1] is >= '0' and <= '7' && text[at + 2] is >= '0' and <= '7';
}
