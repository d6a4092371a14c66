using HostDoc.Etc.Nss;
using HostDoc.Etc.WebServers;
using HostDoc.Findings;
using HostDoc.Proc.Pid;

namespace HostDoc.Checks;

/// <summary>The wording of the environment findings.</summary>
internal static class EnvFindings
{
    /// <summary>What glibc's sysconf(_SC_GETGR_R_SIZE_MAX) answers (NSS_BUFLEN_GROUP): the buffer most callers start with.</summary>
    public const long SysconfGroupBuffer = 1024;

    /// <summary>The buffer of the notebook's getgrent_r loop (BUFLEN 4096), and of many hand-written callers.</summary>
    public const long CommonGroupBuffer = 4096;

    public static Finding SharedFolderSendfile(WebRoot root, MountinfoEntry mount, IReadOnlyList<string> running) => new(
        "fs.shared-folder-sendfile",
        Severity.Warning,
        root.Path,
        $"{root.Server} serves {root.Path} from a {mount.FsType} shared folder ({mount.MountPoint}) with sendfile on: clients can get stale or cut-off files after the host side changes them",
        "sendfile() hands the file to the socket straight from the guest kernel's page cache (the splice read path), without " +
        "the read() that would make the shared-folder driver look at the host's copy first. vboxsf's splice read serves " +
        "pages the host has since rewritten unless its mtime check notices (the notebook traced sf_reg_splice_read to find " +
        "out), and 9p, virtiofs and sshfs with their caching modes do the same from their page cache: the " +
        "editor on the host saves, the browser keeps getting the old bytes, or the old length padded with NULs.",
        [
            new("server", root.Server + (running.Count > 0 ? $", running: {string.Join(", ", running)}" : ", not running now"), "/proc/*/comm"),
            new("root", $"{root.Path} ({root.Context})", root.DefinedAt),
            new("sendfile", "on", root.SendfileAt),
            new("mount", $"{mount.MountPoint} {mount.FsType} {mount.Source} ({string.Join(',', mount.SuperOptions)})", "/proc/self/mountinfo"),
        ],
        root.Server switch
        {
            "nginx" => $"Set \"sendfile off;\" in the server or location that serves {root.Path} (or in http), then nginx -s reload.",
            "apache" => $"Set \"EnableSendfile Off\" (and \"EnableMMAP Off\") for {root.Path}, then apachectl graceful.",
            _ => "Set server.network-backend = \"writev\", then restart lighttpd.",
        },
        new FindingData().Set("kind", "shared-folder-sendfile").Set("server", root.Server).Set("root", root.Path).Set("mount", mount.MountPoint).Set("filesystem", mount.FsType).Fields);

    public static Finding WebRootsFine(string server, IReadOnlyList<WebRoot> roots, IReadOnlyList<string> running) => new(
        "fs.shared-folder-sendfile",
        Severity.Ok,
        server,
        $"{server}: {roots.Count} document root{(roots.Count == 1 ? "" : "s")}, none on a shared folder with sendfile on",
        "A web server that sends files with sendfile() from a hypervisor shared folder (vboxsf, vmhgfs, 9p, virtiofs) or sshfs can serve stale data; none does here.",
        [.. roots.Take(8).Select(r => new Evidence("root", $"{r.Path} ({r.Context}), sendfile {(r.Sendfile ? "on" : "off")}", r.DefinedAt)),
         new Evidence("running", running.Count > 0 ? string.Join(", ", running) : "no")],
        "");

    public static Finding GroupTooLarge(GroupEntry group) => new(
        "nss.group-too-large",
        group.BufferNeeded > CommonGroupBuffer ? Severity.Warning : Severity.Info,
        "group " + group.Name,
        $"group {group.Name} ({group.Gid}) has {group.Members} members, {group.LineBytes} bytes: getgrent_r/getgrnam_r need a buffer of {group.BufferNeeded} bytes, more than {(group.BufferNeeded > CommonGroupBuffer ? $"the {CommonGroupBuffer} many callers pass" : $"the {SysconfGroupBuffer} sysconf(_SC_GETGR_R_SIZE_MAX) suggests")}",
        "The reentrant group calls copy the whole entry (name, password, gid and every member name, plus a pointer per " +
        "member) into the caller's buffer and fail with ERANGE when it does not fit. A caller that retries with a larger " +
        "buffer is fine; one that treats the error as the end — like the notebook's getgrent_r loop with a 4 KiB buffer — " +
        "silently stops enumerating at this group, so every group after it is missing. The same entry is read on every " +
        "initgroups() (each login, su, sshd session, cron job), so id and logins get slow with many large groups.",
        [
            new("entry", $"{group.Members} members, {group.LineBytes} bytes as a group line", group.Source),
            new("buffer needed", $"{group.BufferNeeded} bytes (line + pointers on 64-bit glibc)"),
        ],
        $"Fix callers to retry on ERANGE (glibc's own getgrnam does); split {group.Name} or grant access through secondary means; with sssd/ldap consider ignore_group_members = True for enumeration-heavy hosts.",
        new FindingData().Set("kind", "group-too-large").Set("group", group.Name).Set("gid", (long)group.Gid).Set("members", (long)group.Members).Set("bytes", group.BufferNeeded).Fields);

    public static Finding NscdGroupCache(NscdConfig config, IReadOnlyList<int> pids) => new(
        "nss.nscd-group-cache",
        Severity.Info,
        "nscd",
        $"nscd (pid {string.Join(", ", pids)}) caches groups: answers may be up to {config.PositiveTtl} s old, and a group that did not exist is remembered as missing for {config.NegativeTtl} s",
        "With the group cache on, every getgrnam/getgrgid/initgroups goes to nscd first. A group added (or a member added) " +
        "after a lookup stays invisible until the entry expires; a lookup that failed while the directory was unreachable " +
        "is cached as \"no such group\" for the negative time to live. " +
        (config.Persistent ? "The cache is persistent: restarting nscd keeps the stale entries (they are in /var/cache/nscd/group). " : "") +
        (config.Shared ? "It is shared: clients read nscd's memory directly, so even a restarted client sees the old entry. " : ""),
        [
            new("enable-cache group", "yes", config.At),
            new("persistent / shared", $"{(config.Persistent ? "yes" : "no")} / {(config.Shared ? "yes" : "no")}", NscdConfig.Path),
            new("time to live", $"positive {config.PositiveTtl} s, negative {config.NegativeTtl} s", NscdConfig.Path),
        ],
        "After changing groups run nscd -i group (invalidates the cache; a restart does not when it is persistent); lower negative-time-to-live group where directories flap.",
        new FindingData().Set("kind", "nscd-group-cache").Set("persistent", config.Persistent).Set("shared", config.Shared).Fields);

    public static Finding Debugfs(MountinfoEntry mount) => new(
        "fs.debugfs-mounted",
        Severity.Info,
        mount.MountPoint,
        $"debugfs is mounted on {mount.MountPoint} ({string.Join(',', mount.SuperOptions)})",
        "debugfs exposes kernel internals without a stable interface: tracing control (ftrace, when tracefs is not " +
        "separate), dynamic_debug switches, block and memory-management state, driver registers. It is root only " +
        "(mode 700) unless mounted otherwise, and systemd mounts it by default; on a production host it widens what a " +
        "compromised root process or a mistaken write can do (writing there can change kernel behaviour at once).",
        [new("mount", $"{mount.MountPoint} {mount.FsType} ({string.Join(',', mount.MountOptions)}; {string.Join(',', mount.SuperOptions)})", "/proc/self/mountinfo")],
        "Nothing to do unless policy says so; to keep it off, mask sys-kernel-debug.mount (systemctl mask) or boot with debugfs=off (5.10 and later).",
        new FindingData().Set("kind", "debugfs").Set("mount", mount.MountPoint).Fields);

    public static Finding Nothing() => new(
        "env.ok",
        Severity.Ok,
        "environment",
        "no web server configuration, oversized group, nscd group cache or debugfs mount found",
        "The environment check looks at /etc (web servers, groups, nscd) and the mount table.",
        [],
        "");
}
