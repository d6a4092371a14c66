using System.Globalization;

namespace HostDoc.Network;

/// <summary>
/// Which processes hold the sockets with the given inodes: the <c>socket:[INODE]</c> links under
/// /proc/PID/fd (what ss -p and lsof read). Asked only for the few listeners a finding names, and
/// bounded, because a busy host has 10⁵ descriptors; other users' fds need root.
/// </summary>
public static class SocketOwners
{
    /// <summary>"nginx (pid 812)" for each inode found, at most <paramref name="maxLinks"/> links looked at.</summary>
    public static IReadOnlyDictionary<ulong, string> Find(HostRoot root, IReadOnlyCollection<ulong> inodes, int maxLinks = 200_000)
    {
        var owners = new Dictionary<ulong, string>();
        var wanted = inodes.Where(i => i != 0).ToHashSet();
        if (wanted.Count == 0)
        {
            return owners;
        }

        var seen = 0;
        foreach (var pid in root.ListDirectory("/proc").Where(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            foreach (var fd in root.ListDirectory($"/proc/{pid}/fd"))
            {
                if (++seen > maxLinks)
                {
                    return owners;
                }

                if (root.ReadLink($"/proc/{pid}/fd/{fd}") is { } target && target.StartsWith("socket:[", StringComparison.Ordinal) && target.EndsWith(']')
                    && ulong.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
                    && wanted.Contains(inode) && !owners.ContainsKey(inode))
                {
                    owners[inode] = $"{root.ReadValue($"/proc/{pid}/comm") ?? "?"} (pid {pid})";
                    if (owners.Count == wanted.Count)
                    {
                        return owners;
                    }
                }
            }
        }

        return owners;
    }
}
