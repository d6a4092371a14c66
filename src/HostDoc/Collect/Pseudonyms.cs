using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HostDoc.Collect;

/// <summary>
/// Consistent stand-ins for identifying values: the same original always gets the same pseudonym, so a snapshot's
/// diagnosis still links disk to mount to incident. Each class has a form its parsers still read: host names
/// <c>host-1</c>, users <c>user-1</c>, serials <c>SERIAL1</c>, MACs in the locally administered <c>02:00:00:…</c>,
/// IPv4 in the benchmarking range 198.18.0.0/15, IPv6 in the documentation prefix 2001:db8::/32 (link-local stays
/// link-local). Only counts leave this class: the originals are never written anywhere.
/// </summary>
public sealed class Pseudonyms
{
    /// <summary>The classes, as the manifest names them.</summary>
    public const string HostNames = "host names", Users = "user names", Serials = "serial numbers and WWIDs", Macs = "MAC addresses",
        Addresses = "IP addresses", Arguments = "command-line arguments";

    private readonly Dictionary<(string Kind, string Original), string> _map = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Per class, how many distinct values were replaced.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>The pseudonym of <paramref name="original"/> in class <paramref name="kind"/>.</summary>
    public string For(string kind, string original)
    {
        var key = (kind, kind is HostNames or Macs ? original.ToLowerInvariant() : original);
        if (_map.TryGetValue(key, out var known))
        {
            return known;
        }

        var n = _counts.GetValueOrDefault(kind) + 1;
        _counts[kind] = n;
        var made = kind switch
        {
            HostNames => "host-" + N(n),
            Users => "user-" + N(n),
            Serials => "SERIAL" + N(n),
            Macs => string.Create(CultureInfo.InvariantCulture, $"02:00:00:{(n >> 16) & 0xff:x2}:{(n >> 8) & 0xff:x2}:{n & 0xff:x2}"),
            Arguments => "arg-" + N(n),
            _ => original,
        };
        _map[key] = made;
        return made;
    }

    /// <summary>The pseudonym of an IP address; loopback, unspecified and broadcast addresses stay as they are.</summary>
    public IPAddress For(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)
            || address.Equals(IPAddress.IPv6None))
        {
            return address;
        }

        var key = (Addresses, address.ToString());
        if (_map.TryGetValue(key, out var known))
        {
            return IPAddress.Parse(known);
        }

        var n = _counts.GetValueOrDefault(Addresses) + 1;
        _counts[Addresses] = n;
        IPAddress made;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            made = new IPAddress(new byte[] { 198, (byte)(18 + ((n >> 16) & 1)), (byte)(n >> 8), (byte)n });
        }
        else
        {
            var bytes = new byte[16];
            if (address.IsIPv6LinkLocal)
            {
                bytes[0] = 0xfe;
                bytes[1] = 0x80;
            }
            else
            {
                bytes[0] = 0x20;
                bytes[1] = 0x01;
                bytes[2] = 0x0d;
                bytes[3] = 0xb8;
            }

            bytes[12] = (byte)(n >> 24);
            bytes[13] = (byte)(n >> 16);
            bytes[14] = (byte)(n >> 8);
            bytes[15] = (byte)n;
            made = new IPAddress(bytes);
        }

        _map[key] = made.ToString();
        return made;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
