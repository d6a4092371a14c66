using System.Net;

namespace HostDoc.Collect;

/// <summary>
/// The addresses /proc/net's tables print in hex, replaced for <c>collect --redact</c>: the socket tables (tcp, udp, raw
/// and their 6 forms: local and remote <c>HEX:PORT</c>, 32-bit words in host order), route (destination and gateway)
/// and if_inet6 (network order). Other files come back as they were.
/// </summary>
internal static class ProcNetAddresses
{
    private static readonly HashSet<string> HexSocketTables = new(StringComparer.Ordinal) { "tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6" };

    /// <summary><paramref name="text"/> of the file at <paramref name="path"/> (a tree path) with each address put through <paramref name="map"/>.</summary>
    public static string Replace(string path, string text, Func<IPAddress, IPAddress> map) => NetTable(path) switch
    {
        "if_inet6" => HexColumns(text, [0], littleEndianWords: false, map),
        "route" => HexColumns(text, [1, 2], littleEndianWords: true, map),
        { } table when HexSocketTables.Contains(table) => HexColumns(text, [1, 2], littleEndianWords: true, map),
        _ => text,
    };

    /// <summary>The table's name for /proc/net/NAME as collect keeps it (/proc/net is /proc/self/net: proc/PID/net/NAME, or proc/PID/task/TID/net/NAME).</summary>
    private static string? NetTable(string path)
    {
        var parts = path.Split('/');
        return parts switch
        {
            ["proc", "net", var name] => name,
            ["proc", var pid, "net", var name] when pid.All(char.IsAsciiDigit) => name,
            ["proc", var pid, "task", var tid, "net", var name] when pid.All(char.IsAsciiDigit) && tid.All(char.IsAsciiDigit) => name,
            _ => null,
        };
    }

    /// <summary>Replaces the hex addresses (<c>0100007F</c> or <c>0100007F:0016</c>) in the given columns of a /proc/net table.</summary>
    private static string HexColumns(string text, int[] columns, bool littleEndianWords, Func<IPAddress, IPAddress> map)
    {
        var lines = text.Split('\n');
        for (var l = 1 - (columns[0] == 0 ? 1 : 0); l < lines.Length; l++)
        {
            var fields = lines[l].Split(' ');
            var index = -1;
            for (var f = 0; f < fields.Length; f++)
            {
                if (fields[f].Length == 0)
                {
                    continue;
                }

                index++;
                if (!columns.Contains(index))
                {
                    continue;
                }

                var colon = fields[f].IndexOf(':', StringComparison.Ordinal);
                var hex = colon < 0 ? fields[f] : fields[f][..colon];
                if (FromHex(hex, littleEndianWords) is { } address)
                {
                    fields[f] = ToHex(map(address), littleEndianWords, char.IsLower(hex.FirstOrDefault(char.IsAsciiLetter, 'A'))) + (colon < 0 ? "" : fields[f][colon..]);
                }
            }

            lines[l] = string.Join(' ', fields);
        }

        return string.Join('\n', lines);
    }

    private static IPAddress? FromHex(string hex, bool littleEndianWords)
    {
        if (hex.Length is not (8 or 32) || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var bytes = Convert.FromHexString(hex);
        if (littleEndianWords)
        {
            for (var w = 0; w < bytes.Length; w += 4)
            {
                Array.Reverse(bytes, w, 4);
            }
        }

        return new IPAddress(bytes);
    }

    private static string ToHex(IPAddress address, bool littleEndianWords, bool lower)
    {
        var bytes = address.GetAddressBytes();
        if (littleEndianWords)
        {
            for (var w = 0; w < bytes.Length; w += 4)
            {
                Array.Reverse(bytes, w, 4);
            }
        }

        var hex = Convert.ToHexString(bytes);
        return lower ? hex.ToLowerInvariant() : hex;
    }
}
