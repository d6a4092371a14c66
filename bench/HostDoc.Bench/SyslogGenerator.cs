using System.Globalization;
using System.Text;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Decoders;

/// <summary>
/// A large BSD syslog for the log throughput benchmark: ordinary lines of the daemons a server runs
/// (some of them containing the prefilter's phrases, as real logs do), and 0.1 % kernel error lines —
/// the seed's ATA/SCSI/ext3 burst, block errors, OOM kills, SYN floods, soft lockups — over a
/// handful of disks and sectors.
/// </summary>
internal static class SyslogGenerator
{
    private static readonly string[] Ordinary =
    [
        "sshd[{0}]: Accepted publickey for deploy from 10.0.{1}.5 port 52144 ssh2: RSA SHA256:3ZbVw1pFfVQ8n1o0ofGgq2Rj6l0aQfN1hYg",
        "CRON[{0}]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)",
        "systemd[1]: Started Session {0} of user deploy.",
        "systemd[1]: session-{0}.scope: Succeeded.",
        "kernel: [{2}] IPv4: martian source 10.1.2.{1} from 10.1.2.4, on dev eth0",
        "kernel: [{2}] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56 SRC=198.51.100.{1} DST=192.0.2.10 LEN=60 TOS=0x00 PROTO=TCP SPT=4{1} DPT=22",
        "postfix/smtpd[{0}]: connect from unknown[192.0.2.{1}]",
        "postfix/smtpd[{0}]: disconnect from unknown[192.0.2.{1}] ehlo=1 mail=1 rcpt=0/1 data=0/1 commands=2/4",
        "nginx[{0}]: 203.0.113.{1} - - \"GET /api/v1/items?page={1} HTTP/1.1\" 200 5123 \"-\" \"curl/7.88.1\"",
        "dhclient[{0}]: DHCPACK of 10.0.0.{1} from 10.0.0.1",
        "kernel: [{2}] audit: type=1400 audit({2}:{0}): apparmor=\"DENIED\" operation=\"open\" profile=\"snap.lxd\" name=\"/proc/{0}/mounts\"",
        "rsyslogd: [origin software=\"rsyslogd\" swVersion=\"8.2302.0\"] rsyslogd was HUPed",
        "systemd[1]: apt-daily.timer: Unit disabled, skipping.",
        "dockerd[{0}]: time=\"2026-11-25T05:45:10Z\" level=info msg=\"ignoring event\" container={0} module=libcontainerd namespace=moby",
    ];

    private static readonly string[] Bursts =
    [
        "kernel: [{2}] ata6.00: exception Emask 0x0 SAct 0x3f SErr 0x0 action 0x0\n{T} kernel: [{2}] ata6.00: cmd 60/08:00:d7:01:64/00:00:11:00:00/40 tag 0 ncq 4096 in\n{T} kernel: [{2}]          res 41/40:00:da:01:64/00:00:11:00:00/40 Emask 0x409 (media error) <F>\n{T} kernel: [{2}] ata6.00: status: {{ DRDY ERR }}\n{T} kernel: [{2}] ata6.00: error: {{ UNC }}\n{T} kernel: [{2}] sd 5:0:0:0: [sdf] tag#0 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_SENSE cmd_age=0s\n{T} kernel: [{2}] sd 5:0:0:0: [sdf] tag#0 Sense Key : Medium Error [current]\n{T} kernel: [{2}] sd 5:0:0:0: [sdf] tag#0 Add. Sense: Unrecovered read error - auto reallocate failed\n{T} kernel: [{2}] I/O error, dev sdf, sector 291766743 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2\n{T} kernel: [{2}] ata6: EH complete",
        "kernel: [{2}] blk_update_request: I/O error, dev sd{3}, sector {4} op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0",
        "kernel: [{2}] EXT4-fs error (device sd{3}1): ext4_find_entry:1455: inode #{0}: comm ls: reading directory lblock 0",
        "kernel: [{2}] Out of memory: Killed process {0} (java) total-vm:8123456kB, anon-rss:7000000kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:14000kB oom_score_adj:0",
        "kernel: [{2}] TCP: request_sock_TCP: Possible SYN flooding on port 80. Sending cookies.  Check SNMP counters.",
        "kernel: [{2}] watchdog: BUG: soft lockup - CPU#{1} stuck for 23s! [kworker/{1}:1:{0}]",
    ];

    public static int Run(string[] args)
    {
        var table = AscAscqTable.Load();
        if (args[0] == "anchors")
        {
            Console.WriteLine(string.Join('|', KernelLogAnalyzer.Anchors().Select(a => a.NumberedWord ? $"\\b{EscapeForGrep(a.Phrase)}[0-9]" : EscapeForGrep(a.Phrase))));
            return 0;
        }

        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: syslog OUT [MIB] [HOSTS]");
            return 2;
        }

        var target = (args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1024) * 1024 * 1024;
        var hosts = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;   // > 1: a central log server's file, lines of hosts interleaved
        var random = new Random(20261125);
        var time = new DateTime(2026, 3, 1, 0, 0, 0);
        using var output = new StreamWriter(args[1], false, new UTF8Encoding(false), 1 << 20);
        long written = 0, lines = 0, errors = 0;
        while (written < target)
        {
            time = time.AddMilliseconds(random.Next(1, 40));
            var host = hosts == 1 ? "web01" : "web" + random.Next(hosts).ToString("0000", CultureInfo.InvariantCulture);
            var stamp = time.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture).Replace(" 0", "  ", StringComparison.Ordinal) + " " + host + " ";
            var pid = random.Next(300, 99999).ToString(CultureInfo.InvariantCulture);
            var small = random.Next(1, 250).ToString(CultureInfo.InvariantCulture);
            var uptime = ((time - new DateTime(2026, 3, 1)).TotalSeconds + 1000).ToString("0.000000", CultureInfo.InvariantCulture);
            string line;
            if (random.Next(2700) == 0)   // an error event is 2.7 lines on average: 0.1 % of lines
            {
                var template = Bursts[random.Next(Bursts.Length)];
                var disk = ((char)('a' + random.Next(3))).ToString();
                var sector = (1000L * random.Next(1, 6)).ToString(CultureInfo.InvariantCulture);
                line = stamp + string.Format(CultureInfo.InvariantCulture, template.Replace("{T}", stamp.TrimEnd(), StringComparison.Ordinal), pid, random.Next(4), uptime, disk, sector);
                errors += line.Count(c => c == '\n') + 1;
            }
            else
            {
                line = stamp + string.Format(CultureInfo.InvariantCulture, Ordinary[random.Next(Ordinary.Length)], pid, small, uptime);
            }

            output.Write(line);
            output.Write('\n');
            written += Encoding.UTF8.GetByteCount(line) + 1;
            lines += line.Count(c => c == '\n') + 1;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {written / 1048576.0:0} MiB, {lines} lines, {errors} kernel error lines ({100.0 * errors / lines:0.00} %) to {args[1]}"));
        return 0;
    }

    private static string EscapeForGrep(string phrase)
    {
        var b = new StringBuilder();
        foreach (var c in phrase)
        {
            if ("\\.[]()*+?{}|^$".Contains(c, StringComparison.Ordinal))
            {
                b.Append('\\');
            }

            b.Append(c);
        }

        return b.ToString();
    }
}
