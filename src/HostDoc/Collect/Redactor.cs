using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HostDoc.Collect;

/// <summary>
/// <c>collect --redact</c>: a copy of a <see cref="CapturedTree"/> with the values that say whose host it is replaced by
/// <see cref="Pseudonyms"/> in every file, link target and problem message: host names (the kernel's, and the servers
/// of network mounts), user names (accounts with a UID from 1000 to 60000), serial numbers, WWNs and UUIDs (sysfs,
/// DMI, the udev database), MAC and IP addresses (as text, and as /proc/net's hex), the arguments of every command
/// line (argv[0] stays, so a task is still named). Paths inside the tree stay: they are the kernel's, not the user's.
/// </summary>
public sealed class Redactor
{
    private static readonly HashSet<string> SerialFiles = new(StringComparer.Ordinal)
    {
        "serial", "wwid", "wwn", "eui", "nguid", "uuid", "unique_id", "product_serial", "board_serial", "chassis_serial", "product_uuid", "vpd_pg80",
    };

    private static readonly string[] SerialKeys =
    [
        "ID_SERIAL_SHORT", "ID_SERIAL", "ID_SCSI_SERIAL", "ID_WWN", "ID_WWN_WITH_EXTENSION", "ID_FS_UUID", "ID_FS_UUID_ENC", "ID_FS_UUID_SUB",
        "ID_FS_UUID_SUB_ENC", "ID_PART_TABLE_UUID", "ID_PART_ENTRY_UUID", "MD_UUID", "ID_FS_LABEL", "ID_FS_LABEL_ENC",
    ];

    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "0", "none", "(none)", "localhost", "localhost.localdomain", "unknown", "default string", "to be filled by o.e.m.", "not specified", "system serial number", "0123456789",
    };

    private readonly Pseudonyms _pseudonyms = new();
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _users = new(StringComparer.Ordinal);
    private readonly List<string> _serials = [];

    private Redactor()
    {
    }

    /// <summary>Per class, how many distinct values were replaced (what the manifest records; never the values).</summary>
    public IReadOnlyDictionary<string, int> Counts => _pseudonyms.Counts;

    /// <summary>The pseudonym a host name got (for the manifest and the archive's name).</summary>
    public string Pseudonym(string hostname) => _hosts.Contains(hostname) ? _pseudonyms.For(Pseudonyms.HostNames, hostname) : hostname;

    /// <summary>Any text (collect's own command line, say) with the same replacements as the files.</summary>
    public string Redact(string text) => Text(text);

    /// <summary>The redacted copy of <paramref name="tree"/>; <paramref name="passwd"/> is the host's /etc/passwd (for the user names), or null.</summary>
    public static CapturedTree Apply(CapturedTree tree, string? passwd, out Redactor redactor)
    {
        redactor = new Redactor();
        redactor.Gather(tree, passwd);
        var copy = new CapturedTree(long.MaxValue);
        foreach (var (path, entry) in tree.Entries)
        {
            switch (entry)
            {
                case CapturedEntry.File file:
                    copy.AddFile(path, Encoding.UTF8.GetBytes(redactor.File(path, Encoding.UTF8.GetString(file.Bytes))), file.Modified);
                    break;
                case CapturedEntry.Link link:
                    copy.AddLink(path, redactor.Text(link.Target));
                    break;
                case CapturedEntry.Listed:
                    copy.AddListed(path);
                    break;
                default:
                    copy.AddDirectory(path);
                    break;
            }
        }

        foreach (var (path, names) in tree.Listings)
        {
            copy.AddListing(path, names);
        }

        foreach (var problem in tree.Unreadable.Values)
        {
            copy.AddUnreadable(problem with { Path = redactor.Text(problem.Path), Message = redactor.Text(problem.Message) });   // statvfs /home/USER
        }

        return copy;
    }

    private void Gather(CapturedTree tree, string? passwd)
    {
        foreach (var (path, entry) in tree.Entries)
        {
            if (entry is not CapturedEntry.File file)
            {
                continue;
            }

            var name = path[(path.LastIndexOf('/') + 1)..];
            var text = Encoding.UTF8.GetString(file.Bytes);
            if (path is "proc/sys/kernel/hostname" or "etc/hostname" or "proc/sys/kernel/domainname")
            {
                AddHost(text.Trim());
            }
            else if (name is "mountinfo" or "mounts")
            {
                foreach (var line in text.Split('\n'))
                {
                    AddMountSource(MountSource(line, name == "mountinfo"));
                }
            }
            else if (path.StartsWith("run/udev/data/", StringComparison.Ordinal))
            {
                foreach (var line in text.Split('\n'))
                {
                    if (line.StartsWith("E:", StringComparison.Ordinal) && line.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq
                        && SerialKeys.Contains(line[2..eq], StringComparer.Ordinal))
                    {
                        AddSerial(line[(eq + 1)..].Trim());
                    }
                }
            }
            else if (path.StartsWith("sys/", StringComparison.Ordinal) && SerialFiles.Contains(name))
            {
                var value = text.Trim('\0', ' ', '\n', '\t');
                AddSerial(value);
                if (value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, ..] words)
                {
                    AddSerial(words[^1]);   // t10.ATA     MODEL     SERIAL: the serial alone, as udev's ID_SERIAL_SHORT has it
                }
            }
        }

        foreach (var line in (passwd ?? "").Split('\n'))
        {
            var f = line.Split(':');
            if (f.Length >= 3 && int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid is >= 1000 and <= 60000 && IsName(f[0]))
            {
                _users.Add(f[0]);
            }
        }

        _serials.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    private void AddHost(string host)
    {
        if (IsName(host) && !Placeholders.Contains(host))
        {
            _hosts.Add(host);
            if (host.Split('.') is [var shortName, _, ..])
            {
                AddHost(shortName);
            }
        }
    }

    private void AddSerial(string value)
    {
        if (value.Length >= 4 && !Placeholders.Contains(value) && !value.All(c => c is '0' or '-' or ' ' or ':') && !_serials.Contains(value))
        {
            _serials.Add(value);
        }
    }

    /// <summary>The servers (and users) of network mounts: host:/path, user@host:path, //host/share.</summary>
    private void AddMountSource(string? source)
    {
        if (source is null || source.StartsWith('/') && !source.StartsWith("//", StringComparison.Ordinal))
        {
            return;
        }

        var server = source.StartsWith("//", StringComparison.Ordinal) ? source[2..].Split('/')[0]
            : source.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? source[..colon] : null;
        if (server is null)
        {
            return;
        }

        if (server.IndexOf('@', StringComparison.Ordinal) is > 0 and var at)
        {
            if (IsName(server[..at]))
            {
                _users.Add(server[..at]);
            }

            server = server[(at + 1)..];
        }

        if (!IPAddress.TryParse(server.Trim('[', ']'), out _))
        {
            AddHost(server);
        }
    }

    private static string? MountSource(string line, bool mountinfo)
    {
        if (mountinfo)
        {
            var dash = line.IndexOf(" - ", StringComparison.Ordinal);
            return dash < 0 ? null : line[(dash + 3)..].Split(' ') is [_, var source, ..] ? Proc.Pid.Mountinfo.Unescape(source) : null;
        }

        return line.Split(' ') is [var first, _, ..] ? Proc.Pid.Mountinfo.Unescape(first) : null;
    }

    private static bool IsName(string text) => text.Length >= 2 && !text.All(char.IsAsciiDigit) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>One file: its own format first (command lines, /proc/net's hex addresses), then the text rules.</summary>
    private string File(string path, string text)
    {
        if (path.StartsWith("proc/", StringComparison.Ordinal) && path.EndsWith("/cmdline", StringComparison.Ordinal) && path != "proc/cmdline")
        {
            var args = text.Split('\0');
            for (var i = 1; i < args.Length; i++)
            {
                if (args[i].Length > 0)
                {
                    args[i] = _pseudonyms.For(Pseudonyms.Arguments, args[i]);
                }
            }

            text = string.Join('\0', args);
        }
        else
        {
            text = ProcNetAddresses.Replace(path, text, _pseudonyms.For);
        }

        return Text(text);
    }

    /// <summary>The text rules, token by token (a token is a run of letters, digits and <c>._:-</c>).</summary>
    private string Text(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                builder.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }

            var token = text[start..i];
            var core = token.TrimEnd('.', ':', '-');
            builder.Append(Token(core)).Append(token, core.Length, token.Length - core.Length);
        }

        return builder.ToString();
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';

    private string Token(string token)
    {
        if (token.Length < 2)
        {
            return token;
        }

        if (_hosts.Contains(token))
        {
            return _pseudonyms.For(Pseudonyms.HostNames, token);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && _hosts.Contains(token[..dot]) && IsDomain(token[(dot + 1)..]))
        {
            return _pseudonyms.For(Pseudonyms.HostNames, token[..dot]) + token[dot..];
        }

        if (_users.Contains(token))
        {
            return _pseudonyms.For(Pseudonyms.Users, token);
        }

        if (IsMac(token))
        {
            return token is "00:00:00:00:00:00" || token.Equals("ff:ff:ff:ff:ff:ff", StringComparison.OrdinalIgnoreCase) ? token : _pseudonyms.For(Pseudonyms.Macs, token);
        }

        if (Address(token) is { } mapped)
        {
            return mapped;
        }

        foreach (var serial in _serials)
        {
            if (token.Contains(serial, StringComparison.Ordinal))
            {
                token = token.Replace(serial, _pseudonyms.For(Pseudonyms.Serials, serial), StringComparison.Ordinal);
            }
        }

        return token;
    }

    /// <summary>An IPv4 (optionally :port) or IPv6 address, replaced; null when the token is none.</summary>
    private string? Address(string token)
    {
        if (token.Count(c => c == '.') == 3 && token.All(c => char.IsAsciiDigit(c) || c is '.' or ':'))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var host = colon < 0 ? token : token[..colon];
            if (IsDottedQuad(host) && (colon < 0 || token[(colon + 1)..].All(char.IsAsciiDigit)))
            {
                return _pseudonyms.For(IPAddress.Parse(host)) + (colon < 0 ? "" : token[colon..]);
            }

            return null;
        }

        if (token.Count(c => c == ':') >= 2 && token.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
            && IPAddress.TryParse(token, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return _pseudonyms.For(v6).ToString();
        }

        return null;
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && (p.Length == 1 || p[0] != '0') && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsMac(string token) =>
        token.Length == 17 && Enumerable.Range(0, 17).All(i => i % 3 == 2 ? token[i] == ':' : char.IsAsciiHexDigit(token[i]));

    private static bool IsDomain(string rest) =>
        !rest.Contains('_', StringComparison.Ordinal) && rest.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
        && (rest.Contains('.', StringComparison.Ordinal) || rest is "local" or "lan" or "localdomain" or "internal" or "home" or "corp");
}
