using System.Runtime.InteropServices;

namespace HostDoc.Etc.Nss;

/// <summary>
/// Every group as <c>getent group</c> sees it on this host (every NSS module nsswitch.conf names: files, sss, ldap,
/// winbind, systemd): getgrent_r with a buffer that grows on ERANGE, on a worker thread of its own under a deadline,
/// since a directory server that does not answer blocks the call. Only for the live host.
/// </summary>
public static partial class LiveGroups
{
    private const int Erange = 34;
    private const int MaxBuffer = 16 * 1024 * 1024;
    private const int MaxGroups = 200_000;

    /// <summary>The groups, or null with <paramref name="problem"/> set when enumeration did not finish within <paramref name="timeout"/>.</summary>
    public static IReadOnlyList<GroupEntry>? Enumerate(TimeSpan timeout, out string? problem)
    {
        List<GroupEntry>? result = null;
        var thread = new Thread(() => result = Walk()) { IsBackground = true, Name = "hostdoc getgrent" };
        thread.Start();
        if (!thread.Join(timeout))
        {
            problem = $"getgrent_r did not finish within {timeout.TotalSeconds:0} s (a directory server not answering?); only /etc/group was looked at";
            return null;
        }

        problem = null;
        return result;
    }

    private static unsafe List<GroupEntry> Walk()
    {
        var groups = new List<GroupEntry>();
        var size = 1024;
        var buffer = Marshal.AllocHGlobal(size);
        try
        {
            SetGroupEntries();
            while (groups.Count < MaxGroups)
            {
                Group entry;
                Group* found;
                var error = GetGroupEntry(&entry, (byte*)buffer, (nuint)size, &found);
                if (error == Erange && size < MaxBuffer)
                {
                    size *= 2;
                    buffer = Marshal.ReAllocHGlobal(buffer, size);
                    continue;
                }

                if (error != 0 || found == null)
                {
                    break;
                }

                var name = Marshal.PtrToStringUTF8((IntPtr)entry.Name) ?? "";
                var bytes = (long)System.Text.Encoding.UTF8.GetByteCount(name) + 1 + (entry.Password == null ? 0 : StrLen(entry.Password)) + 1
                    + entry.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1;
                var members = 0;
                for (var m = entry.Members; m != null && *m != null; m++)
                {
                    bytes += StrLen(*m) + (members > 0 ? 1 : 0);
                    members++;
                }

                groups.Add(new GroupEntry(name, entry.Gid, members, bytes, "getent group"));
            }
        }
        finally
        {
            EndGroupEntries();
            Marshal.FreeHGlobal(buffer);
        }

        return groups;
    }

    private static unsafe long StrLen(byte* s)
    {
        var n = 0L;
        while (s[n] != 0)
        {
            n++;
        }

        return n;
    }

    [LibraryImport("libc", EntryPoint = "setgrent")]
    private static partial void SetGroupEntries();

    [LibraryImport("libc", EntryPoint = "endgrent")]
    private static partial void EndGroupEntries();

    [LibraryImport("libc", EntryPoint = "getgrent_r")]
    private static unsafe partial int GetGroupEntry(Group* group, byte* buffer, nuint length, Group** result);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct Group
    {
        public byte* Name;
        public byte* Password;
        public uint Gid;
        public byte** Members;
    }
}
