using HostDoc.Proc.Pid;
using HostDoc.Storage;

namespace HostDoc.Tasks;

/// <summary>
/// What a stuck task holds on the filesystems: its working directory and root, the paths of its open
/// file descriptors, the devices of its mapped files, and the mounts as its own mount namespace
/// sees them (paths are only meaningful there). Read once per stuck task, never for every task.
/// </summary>
/// <param name="Cwd">/proc/PID/cwd's target, when readable.</param>
/// <param name="Root">/proc/PID/root's target, when readable.</param>
/// <param name="OpenFiles">Targets of /proc/PID/fd/* that are paths (sockets, pipes and anon inodes left out), first <see cref="MaxFiles"/>.</param>
/// <param name="MappedDevices">The st_dev of each file mapped in /proc/PID/maps, distinct, in order.</param>
/// <param name="Mounts">/proc/PID/mountinfo, when readable; null means the reader's own mounts apply.</param>
public sealed record TaskFiles(string? Cwd, string? Root, IReadOnlyList<string> OpenFiles, IReadOnlyList<DeviceNumber> MappedDevices, IReadOnlyList<MountinfoEntry>? Mounts)
{
    /// <summary>At most this many descriptors are looked at (a server can have a million).</summary>
    public const int MaxFiles = 4096;

    /// <summary>Reads the task's files through <paramref name="root"/>.</summary>
    public static TaskFiles Read(HostRoot root, TaskId id)
    {
        var dir = $"/proc/{id.Pid}";
        var open = new List<string>();
        foreach (var fd in root.ListDirectory(dir + "/fd").Take(MaxFiles))
        {
            if (root.ReadLink($"{dir}/fd/{fd}") is { } target && target.StartsWith('/'))
            {
                open.Add(target.EndsWith(" (deleted)", StringComparison.Ordinal) ? target[..^10] : target);
            }
        }

        var mapped = root.ReadText(dir + "/maps", 1024 * 1024).Value is { } maps ? MappedFileDevices(maps) : [];
        var mounts = root.ReadText(dir + "/mountinfo", 4 * 1024 * 1024).Value is { } text ? Mountinfo.Parse(text).Value.Entries : null;
        return new TaskFiles(root.ReadLink(dir + "/cwd"), root.ReadLink(dir + "/root"), open.Distinct(StringComparer.Ordinal).ToArray(), mapped, mounts);
    }

    /// <summary>The devices of file-backed mappings: <c>start-end perms offset MAJ:MIN inode path</c>, device in hex.</summary>
    public static IReadOnlyList<DeviceNumber> MappedFileDevices(string maps)
    {
        var devices = new List<DeviceNumber>();
        foreach (var line in maps.AsSpan().EnumerateLines())
        {
            var index = 0;
            ReadOnlySpan<char> device = default, inode = default;
            foreach (var range in line.Split(' '))
            {
                var field = line[range];
                if (field.IsEmpty)
                {
                    continue;
                }

                if (index == 3)
                {
                    device = field;
                }
                else if (index == 4)
                {
                    inode = field;
                    break;
                }

                index++;
            }

            var colon = device.IndexOf(':');
            if (colon > 0 && inode is not ("0" or "")
                && uint.TryParse(device[..colon], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var major)
                && uint.TryParse(device[(colon + 1)..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var minor)
                && new DeviceNumber(major, minor) is var number && !devices.Contains(number))
            {
                devices.Add(number);
            }
        }

        return devices;
    }
}
