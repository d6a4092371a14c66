using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>Collects the lines of one zone of /proc/zoneinfo while it is parsed.</summary>
internal sealed class ZoneBuilder
{
    private readonly int _node;
    private ulong _free;
    private ulong _min;
    private ulong _low;
    private ulong _high;
    private ulong _present;
    private ulong? _managed;
    private IReadOnlyList<ulong> _protection = [];

    private ZoneBuilder(int node, string name)
    {
        _node = node;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Starts a zone from <c>Node 0, zone   Normal</c>; null when the header is malformed.</summary>
    public static ZoneBuilder? TryStart(ReadOnlySpan<char> header)
    {
        var comma = header.IndexOf(',');
        if (comma < 0 || !KernelNumber.TryParseUnsigned(header[5..comma].Trim(), out var node) || node > int.MaxValue)
        {
            return null;
        }

        var rest = header[(comma + 1)..].Trim();
        if (!rest.StartsWith("zone", StringComparison.Ordinal) || rest.Length <= 4)
        {
            return null;
        }

        var name = rest[4..].Trim();
        return name.IsEmpty ? null : new ZoneBuilder((int)node, name.ToString());
    }

    /// <summary>Takes one line inside the zone; false when a line hostdoc relies on is malformed.</summary>
    public bool Accept(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("protection:", StringComparison.Ordinal))
        {
            return TryParseProtection(line["protection:".Length..].Trim());
        }

        if (line.StartsWith("pages free", StringComparison.Ordinal))
        {
            return KernelNumber.TryParseUnsigned(line["pages free".Length..].Trim(), out _free);
        }

        var space = line.IndexOfAny(' ', '\t');
        if (space < 0)
        {
            return true;
        }

        var name = line[..space];
        ref ulong target = ref _free;
        switch (name)
        {
            case "min": target = ref _min; break;
            case "low": target = ref _low; break;
            case "high": target = ref _high; break;
            case "present": target = ref _present; break;
            case "managed":
                if (!KernelNumber.TryParseUnsigned(line[space..].Trim(), out var managed))
                {
                    return false;
                }

                _managed = managed;
                return true;
            default:
                return true;
        }

        return KernelNumber.TryParseUnsigned(line[space..].Trim(), out target);
    }

    public void AddTo(List<Zone> zones) =>
        zones.Add(new Zone(_node, Name, _free, _min, _low, _high, _present, _managed, _protection));

    private bool TryParseProtection(ReadOnlySpan<char> list)
    {
        if (list.Length < 2 || list[0] != '(' || list[^1] != ')')
        {
            return false;
        }

        var values = new List<ulong>(5);
        foreach (var range in list[1..^1].Split(','))
        {
            if (!KernelNumber.TryParseUnsigned(list[1..^1][range].Trim(), out var value))
            {
                return false;
            }

            values.Add(value);
        }

        _protection = values;
        return true;
    }
}
