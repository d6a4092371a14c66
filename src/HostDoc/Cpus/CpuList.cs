using System.Globalization;
using System.Numerics;
using System.Text;

namespace HostDoc.Cpus;

/// <summary>
/// A set of CPU numbers in the two syntaxes the kernel uses (lib/bitmap.c): the list form
/// <c>0-3,8,10-15:2/4</c> (cpulist: <c>a-b:used/group</c> takes the first <c>used</c> CPUs of every
/// <c>group</c> in a..b) and the hex mask form <c>ffffffff,00000003</c> (32-bit words, most significant
/// first). Parse and format are exact inverses of each other for what the kernel prints.
/// </summary>
public readonly struct CpuList : IEquatable<CpuList>
{
    /// <summary>CPU numbers above this are refused: the kernel's NR_CPUS limit is 8192.</summary>
    public const int MaxCpus = 8192;

    private readonly ulong[]? _words;

    private CpuList(ulong[] words) => _words = words;

    /// <summary>The empty set.</summary>
    public static CpuList Empty => default;

    /// <summary>The CPUs in ascending order.</summary>
    public IEnumerable<int> Cpus
    {
        get
        {
            var words = _words ?? [];
            for (var w = 0; w < words.Length; w++)
            {
                var bits = words[w];
                while (bits != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(bits);
                    yield return (w * 64) + bit;
                    bits &= bits - 1;
                }
            }
        }
    }

    /// <summary>How many CPUs.</summary>
    public int Count => (_words ?? []).Sum(w => BitOperations.PopCount(w));

    /// <summary>True when no CPU is in the set.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The highest CPU, or -1 when empty.</summary>
    public int Max => IsEmpty ? -1 : Cpus.Last();

    /// <summary>A set of the given CPUs.</summary>
    public static CpuList Of(IEnumerable<int> cpus)
    {
        var list = cpus.ToArray();
        var words = new ulong[list.Length == 0 ? 0 : (list.Max() / 64) + 1];
        foreach (var cpu in list)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cpu);
            words[cpu / 64] |= 1UL << (cpu % 64);
        }

        return new CpuList(words);
    }

    /// <summary>True when <paramref name="cpu"/> is in the set.</summary>
    public bool Contains(int cpu) =>
        cpu >= 0 && _words is { } w && cpu / 64 < w.Length && (w[cpu / 64] & (1UL << (cpu % 64))) != 0;

    /// <summary>CPUs in both sets.</summary>
    public CpuList Intersect(CpuList other) => Of(Cpus.Where(other.Contains));

    /// <summary>CPUs in this set and not in <paramref name="other"/>.</summary>
    public CpuList Except(CpuList other) => Of(Cpus.Where(c => !other.Contains(c)));

    /// <summary>
    /// Reads a file holding a CPU (or memory node) list. An existing but empty file is the empty set
    /// (a new cpuset's cpuset.cpus); a missing or malformed one is null.
    /// </summary>
    public static CpuList? Read(HostRoot root, string kernelPath) =>
        root.ReadText(kernelPath, 64 * 1024).Value is { } text && TryParse(text, out var list, out _) ? list : null;

    /// <summary>
    /// Parses the list form; whitespace and a trailing newline, as the kernel prints them, are allowed.
    /// <c>(null)</c> is the empty set: it is what %*pbl prints for a mask never allocated (nohz_full
    /// without nohz_full= on the command line, right-aligned to the field width).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CpuList list, out string error, int limit = MaxCpus)
    {
        list = Empty;
        error = "";
        if (text.Trim().SequenceEqual("(null)"))
        {
            return true;
        }

        var cpus = new List<int>();
        var outOfRange = new List<string>();
        foreach (var range in text.Trim().Split(','))
        {
            var item = text.Trim()[range].Trim();
            if (item.IsEmpty)
            {
                if (text.Trim().IsEmpty)
                {
                    break;
                }

                error = "an empty item between commas";
                return false;
            }

            if (!TryParseItem(item, cpus, out error))
            {
                return false;
            }
        }

        outOfRange.AddRange(cpus.Where(c => c >= limit).Distinct().Select(c => c.ToString(CultureInfo.InvariantCulture)));
        if (outOfRange.Count > 0)
        {
            error = limit == MaxCpus
                ? $"CPU {string.Join(", ", outOfRange.Take(8))} out of range (the kernel allows at most {MaxCpus} CPUs)"
                : $"CPU {string.Join(", ", outOfRange.Take(8))} out of range (this host has CPUs 0-{limit - 1})";
            return false;
        }

        list = Of(cpus);
        return true;
    }

    /// <summary>Parses the hex mask form (<c>ffffffff,00000003</c>, <c>3</c>, <c>0x3</c>).</summary>
    public static bool TryParseMask(ReadOnlySpan<char> text, out CpuList list, out string error)
    {
        list = Empty;
        error = "";
        var s = text.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
        }

        var groups = s.ToString().Split(',');
        var cpus = new List<int>();
        for (var g = 0; g < groups.Length; g++)
        {
            var word = groups[groups.Length - 1 - g];
            if (word.Length is 0 or > 8 || !uint.TryParse(word, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
            {
                error = $"\"{word}\" is not a 32-bit hex word";
                return false;
            }

            for (var bit = 0; bit < 32; bit++)
            {
                if ((bits & (1u << bit)) != 0)
                {
                    cpus.Add((g * 32) + bit);
                }
            }
        }

        list = Of(cpus);
        return true;
    }

    /// <summary>The kernel's list form: <c>0-3,8,10-15</c> (empty string for the empty set).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        int? start = null;
        var previous = -2;
        foreach (var cpu in Cpus.Append(int.MaxValue))
        {
            if (cpu == previous + 1)
            {
                previous = cpu;
                continue;
            }

            if (start is { } s)
            {
                builder.Append(builder.Length > 0 ? "," : "").Append(CultureInfo.InvariantCulture, $"{s}");
                if (previous > s)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"-{previous}");
                }
            }

            start = cpu;
            previous = cpu;
        }

        return builder.ToString();
    }

    /// <summary>The kernel's mask form for a host with <paramref name="cpuCount"/> possible CPUs: 32-bit words, comma-separated, most significant first.</summary>
    public string ToMask(int cpuCount)
    {
        var words = Math.Max(1, (Math.Max(cpuCount, Max + 1) + 31) / 32);
        var parts = new string[words];
        for (var w = 0; w < words; w++)
        {
            uint bits = 0;
            for (var bit = 0; bit < 32; bit++)
            {
                if (Contains((w * 32) + bit))
                {
                    bits |= 1u << bit;
                }
            }

            var last = w == words - 1;
            var digits = last ? Math.Max(1, (Math.Min(32, cpuCount - (w * 32)) + 3) / 4) : 8;
            parts[words - 1 - w] = bits.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return string.Join(',', parts);
    }

    /// <inheritdoc />
    public bool Equals(CpuList other) => Cpus.SequenceEqual(other.Cpus);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CpuList other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Cpus.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    /// <summary>Value equality.</summary>
    public static bool operator ==(CpuList left, CpuList right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(CpuList left, CpuList right) => !left.Equals(right);

    private static bool TryParseItem(ReadOnlySpan<char> item, List<int> cpus, out string error)
    {
        error = "";
        var colon = item.IndexOf(':');
        var span = colon < 0 ? item : item[..colon];
        var dash = span.IndexOf('-');
        if (!TryCpu(dash < 0 ? span : span[..dash], out var first) || !TryCpu(dash < 0 ? span : span[(dash + 1)..], out var last))
        {
            error = $"\"{item}\" is not a CPU number or range";
            return false;
        }

        if (last < first)
        {
            error = $"\"{item}\": the range ends before it starts";
            return false;
        }

        int used = 1, group = 1;
        if (colon >= 0)
        {
            var stride = item[(colon + 1)..];
            var slash = stride.IndexOf('/');
            if (slash < 0 || !TryCpu(stride[..slash], out used) || !TryCpu(stride[(slash + 1)..], out group) || group == 0 || used == 0 || used > group)
            {
                error = $"\"{item}\": expected a-b:used/group with 0 < used <= group";
                return false;
            }
        }

        for (var cpu = first; cpu <= last; cpu++)
        {
            if ((cpu - first) % group < used)
            {
                cpus.Add(cpu);
            }
        }

        return true;
    }

    private static bool TryCpu(ReadOnlySpan<char> text, out int cpu) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu < 1 << 20;
}
