using System.Globalization;

namespace HostDoc.Etc.Nss;

/// <summary>One group as NSS returns it: /etc/group's line, or what getgrent_r gave on a live host (sss, ldap, …).</summary>
/// <param name="Name">gr_name.</param>
/// <param name="Gid">gr_gid.</param>
/// <param name="Members">How many names gr_mem lists.</param>
/// <param name="LineBytes">The length of the entry as a group(5) line (name:x:gid:members), without its newline.</param>
/// <param name="Source">Where it came from: <c>/etc/group:12</c>, or <c>getent group</c>.</param>
public sealed record GroupEntry(string Name, uint Gid, int Members, long LineBytes, string Source)
{
    /// <summary>
    /// The buffer getgrent_r/getgrnam_r need for it on 64-bit glibc: the line copied in and split in place, then, aligned
    /// to 8 bytes, one pointer per member and a NULL (nss_files's parser; other modules need about the same).
    /// </summary>
    public long BufferNeeded => LineBytes + 1 + 7 + (Members + 1) * 8L;

    /// <summary>Reads group(5) text: name:password:gid:member,member. Lines that do not have four fields and a numeric gid are skipped (NIS + and - lines too).</summary>
    public static IReadOnlyList<GroupEntry> Parse(string text, string path)
    {
        var groups = new List<GroupEntry>();
        var number = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            number++;
            var fields = line.ToString().Split(':');
            if (fields.Length != 4 || fields[0].Length == 0 || fields[0][0] is '+' or '-' or '#'
                || !uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                continue;
            }

            var members = fields[3].Length == 0 ? 0 : fields[3].Split(',').Count(m => m.Length > 0);
            groups.Add(new GroupEntry(fields[0], gid, members, line.Length, $"{path}:{number}"));
        }

        return groups;
    }
}
