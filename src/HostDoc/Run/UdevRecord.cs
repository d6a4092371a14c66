using System.Globalization;
using System.Text;

namespace HostDoc.Run;

/// <summary>
/// What udev knows about a device, from either of its two texts, parsed into one record: the
/// database file <c>/run/udev/data/b&lt;major&gt;:&lt;minor&gt;</c> (<c>E:KEY=value</c>, <c>S:link</c>,
/// <c>W:</c>, <c>I:</c>, <c>L:</c>, <c>G:</c>) and the output of <c>udevadm info --query=all --name=…</c>
/// (<c>P: </c>, <c>N: </c>, <c>S: </c>, <c>E: KEY=value</c>, <c>L: </c>).
/// </summary>
/// <param name="Properties">E: lines.</param>
/// <param name="Symlinks">S: lines (relative to /dev).</param>
/// <param name="DevPath">P: (udevadm text only).</param>
public sealed record UdevRecord(IReadOnlyDictionary<string, string> Properties, IReadOnlyList<string> Symlinks, string? DevPath)
{
    /// <summary>The database file of a block device.</summary>
    public static string DatabasePath(uint major, uint minor) =>
        string.Create(CultureInfo.InvariantCulture, $"/run/udev/data/b{major}:{minor}");

    /// <summary>A property, or null.</summary>
    public string? this[string key] => Properties.GetValueOrDefault(key);

    /// <summary>ID_VENDOR (decoded from ID_VENDOR_ENC when present: it keeps the spaces).</summary>
    public string? Vendor => Decoded("ID_VENDOR");

    /// <summary>ID_MODEL, decoded like <see cref="Vendor"/>.</summary>
    public string? Model => Decoded("ID_MODEL");

    /// <summary>ID_SERIAL_SHORT, else ID_SERIAL.</summary>
    public string? Serial => this["ID_SERIAL_SHORT"] ?? this["ID_SERIAL"];

    /// <summary>ID_WWN.</summary>
    public string? Wwn => this["ID_WWN"];

    /// <summary>ID_PATH.</summary>
    public string? PathId => this["ID_PATH"];

    /// <summary>Parses either text format; lines that are neither are ignored.</summary>
    public static UdevRecord Parse(ReadOnlySpan<char> text)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new List<string>();
        string? devPath = null;
        foreach (var raw in text.EnumerateLines())
        {
            var line = raw.TrimEnd();
            if (line.Length < 2 || line[1] != ':')
            {
                continue;
            }

            var value = line[2..].TrimStart(' ');
            switch (line[0])
            {
                case 'E':
                    var eq = value.IndexOf('=');
                    if (eq > 0)
                    {
                        properties[value[..eq].ToString()] = value[(eq + 1)..].ToString();
                    }

                    break;
                case 'S':
                    links.Add(value.ToString());
                    break;
                case 'P':
                    devPath = value.ToString();
                    break;
            }
        }

        return new UdevRecord(properties, links, devPath);
    }

    /// <summary>Decodes udev's <c>\xNN</c> escapes (ID_MODEL_ENC keeps spaces as \x20), trimming the padding.</summary>
    public static string DecodeEscapes(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x'
                && byte.TryParse(text.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray()).Trim();
    }

    private string? Decoded(string key) =>
        this[key + "_ENC"] is { } encoded ? DecodeEscapes(encoded) : this[key];
}
