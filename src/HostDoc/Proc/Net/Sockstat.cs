using HostDoc.Sources;

namespace HostDoc.Proc.Net;

/// <summary>
/// <c>/proc/net/sockstat</c> and <c>/proc/net/sockstat6</c> (net/ipv4/proc.c sockstat_seq_show): a line per
/// protocol, <c>TCP: inuse 4 orphan 0 tw 4 alloc 17 mem 1</c>, key and value pairs after the colon;
/// <c>mem</c> is in pages. The <c>sockets: used 229</c> line is kept under protocol <c>sockets</c>.
/// </summary>
/// <param name="Entries">Every (protocol, key, value) in file order.</param>
public sealed record Sockstat(IReadOnlyList<SockstatEntry> Entries)
{
    /// <summary>The value of <paramref name="key"/> for <paramref name="protocol"/>, or null.</summary>
    public ulong? Get(string protocol, string key) =>
        Entries.FirstOrDefault(e => e.Protocol == protocol && e.Key == key) is { } e ? e.Value : null;

    /// <summary>Reads <c>/proc/net/sockstat</c> and, when there is IPv6, <c>/proc/net/sockstat6</c>.</summary>
    public static Sourced<Sockstat> Read(HostRoot root)
    {
        var v4 = SourceReader.Read(root, "/proc/net/sockstat", Parse);
        var v6 = SourceReader.Read(root, "/proc/net/sockstat6", Parse);
        if (v4.Value is null)
        {
            return v4;
        }

        var problems = v4.Problems.Concat(v6.ProblemsUnlessMissing).ToArray();
        return Sourced<Sockstat>.Partial(new Sockstat([.. v4.Value.Entries, .. v6.Value?.Entries ?? []]), problems);
    }

    /// <summary>Parses one of the files; a line without "PROTO: key value …" is an error, the others are kept.</summary>
    public static ParseResult<Sockstat> Parse(ReadOnlySpan<char> text)
    {
        var entries = new List<SockstatEntry>();
        var errors = new List<ParseError>();
        var number = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            var ok = colon > 0;
            var protocol = ok ? line[..colon].ToString() : "";
            var words = new List<string>();
            foreach (var range in (ok ? line[(colon + 1)..] : []).SplitAny(' ', '\t'))
            {
                var word = line[(colon + 1)..][range];
                if (!word.IsEmpty)
                {
                    words.Add(word.ToString());
                }
            }

            ok &= words.Count > 0 && words.Count % 2 == 0;
            var parsed = new List<SockstatEntry>();
            for (var i = 0; ok && i < words.Count; i += 2)
            {
                ok = KernelNumber.TryParseUnsigned(words[i + 1], out var value) && !KernelNumber.TryParseUnsigned(words[i], out _);
                parsed.Add(new SockstatEntry(protocol, words[i], value));
            }

            if (ok)
            {
                entries.AddRange(parsed);
            }
            else
            {
                errors.Add(ParseError.At(number, "\"PROTOCOL: key value …\" (TCP: inuse 4 orphan 0)", line));
            }
        }

        return new ParseResult<Sockstat>(new Sockstat(entries), errors);
    }
}

/// <summary>One value of <c>/proc/net/sockstat</c>: <c>TCP</c>, <c>inuse</c>, 4.</summary>
/// <param name="Protocol">The protocol (TCP, UDP, UDPLITE, RAW, FRAG, TCP6…, or sockets).</param>
/// <param name="Key">The key (inuse, orphan, tw, alloc, mem, memory, used).</param>
/// <param name="Value">The value (mem in pages, memory in bytes).</param>
public readonly record struct SockstatEntry(string Protocol, string Key, ulong Value);
