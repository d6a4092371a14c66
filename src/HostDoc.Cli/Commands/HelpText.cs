using HostDoc.Checks;

namespace HostDoc.Cli.Commands;

/// <summary>The usage texts; the command reference in README.md says the same.</summary>
internal static class HelpText
{
    /// <summary>hostdoc's version: the one place it is set (--version, collect's manifest, the man page and the .deb take it from here).</summary>
    public const string Version = "hostdoc 0.1.0";

    private const string General = """
        hostdoc: a doctor for Linux hosts. Reads /proc, /sys and the kernel log and says what is wrong, why, and what to do.

        Usage: hostdoc [--root DIR | --snapshot FILE] [--color auto|always|never] COMMAND [OPTIONS]

        Commands:
          report [--format text|json]   run every check; findings by severity with evidence and advice
          mem [--bytes|-k|-m|-g|-h]     free's figures (as procps computes them), explained, and the writeback limits
          df [--all] [--bytes]          filesystems once each (bind mounts folded), root's reserve, inodes used of total
          devices [--format text|json] [NAME]  block devices from port to mount (ata → scsi → sdX → parts → dm/md → mount); NAME shows one chain
          logs [FILE…] [--since T] [--until T] [--format text|json]
                                        kernel log incidents (dying disks, link errors, journal aborts, OOM kills, SYN floods,
                                        lockups, clock trouble; rsync transfers that failed) from files (.gz, rotated sets, - for stdin) or this host's log
          collect [-o FILE] [--redact] [--max-size SIZE] [--include-logs DURATION] [--timeout S]
                                        a snapshot of this host (.tar.gz: what every command reads, every process, the kernel log,
                                        log tails of the last DURATION, default 1d) to read elsewhere with --snapshot; --redact
                                        puts pseudonyms for host and user names, addresses, serials and command-line arguments
          serve [--listen ADDR:PORT] [--checks-every S] [--web.config.file F] [--collector.textfile.directory D]
                                        Prometheus /metrics (node_exporter's names + hostdoc_finding…), an HTML report at /,
                                        /report.json, /healthz; default 127.0.0.1:9847, findings every 30 s (runs hostdoc-serve);
                                        TLS and basic auth from node_exporter's web config file
          explain ERRNO [--syscall NAME] [--pid PID] [--size SIZE] [PATH]
                                        what the error means for that call (the kernel function that decides), the usual causes,
                                        and which holds here for PATH: EEXIST, ENOSPC, EBUSY, EROFS, EINVAL, EMFILE, ENFILE
          explain rsync [CODE] [--message TEXT]…  rsync's exit codes and its own error lines (io timeout, code 30, 12)
          explain affinity              CPU affinity inside a virtual machine; explain --list: every topic
          tmpfs-resize MOUNT SIZE       would mount -o remount,size=SIZE MOUNT succeed? why not, and what would
          stuck [--samples N] [--interval S]  tasks stuck in D state: kernel wait site, how long, why (default 5 samples, 0.5 s apart)
          iostat [--interval S] [--count N] [--since-boot] [--partitions] [--format text|json]
                                        iostat -x's per-device figures (r/s … r_await w_await aqu-sz %util), computed as sysstat
                                        does, over S seconds (default 1), N reports (0: until interrupted); --since-boot starts
                                        with the averages since boot, as iostat's first report; a captured tree gives only those
          net [--interval S] [--format text|json]
                                        interfaces (driver and what it means: virtio-net paravirtual, e1000 emulated, …; link, queues →
                                        irqs → CPUs), listeners with backlog and accept queue, TCP/UDP counters, conntrack, softnet per CPU,
                                        network sysctls, consoles; counters since boot, or per second over S seconds
          irq [--interval S]            interrupts per irq and CPU (rates between two reads with --interval), chip, affinity, per-CPU bars
          cpus                          online/offline/present/possible, topology, isolated CPUs, clocksource, boot options
          cpuset [PATH]                 the cpuset tree (cgroup v1 or v2): cpus, mems, effective, exclusive/partition, tasks
          affinity PID                  where each thread of PID may run (CPUs, memory nodes)
          affinity set PID LIST         pin every thread of PID to LIST (0-3,8); the only command that changes anything
          decode sense HEX…             SCSI sense data (fixed or descriptor): key, ASC/ASCQ text, failing LBA
          decode ata 'cmd …' ['res …']  libata's taskfile dump: command, LBA, sectors, NCQ tag, status/error bits, every Emask bit
          decode scsi-result 0xNNNNNNNN the driver/host/message/status bytes of a SCSI result
          check NAME [OPTIONS]          one check as a Nagios/Monitoring Plugins plugin (exit 0/1/2/3)
          check --list                  the checks there are
          help [COMMAND]                this text, or a command's
          help --man                    this text as the man page hostdoc(1)
          help --completion SHELL       completion for SHELL: bash, zsh or fish
          help --monitoring SYSTEM      every check defined for SYSTEM: icinga2 (CheckCommands, services) or nagios (commands)

        Global options:
          --root DIR     read a captured tree (DIR/proc, DIR/sys, ...) instead of this host
          --snapshot F   read a snapshot (hostdoc collect's, or any tar/tar.gz of a tree) instead of this host
          --color MODE   colour terminal output: auto (default: only on a terminal, never with NO_COLOR), always, never
          --version      print the version

        Exit codes: the commands that show things exit 0 when done, 1 when a source could not be read (or
        affinity set could not change a thread, or an explain probe could not decide), 2 on a usage error; tmpfs-resize exits 0 would succeed,
        1 would be refused, 2 usage or undecided; check exits 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
        (bad option, unreadable source, timeout).
        """;

    private const string CheckUsage = """
        Usage: hostdoc check NAME [-w RANGE] [-c RANGE] [--KEY-warning RANGE] [--KEY-critical RANGE] [-t SECONDS] [-v]

        Prints "NAME STATE - text | perfdata" and exits 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
        RANGE is the Monitoring Plugins syntax, ends inclusive: 10 (alert outside 0..10), 10: (below 10),
        ~:10 (above 10), 10:20 (outside 10..20), @10:20 (inside 10..20).
        -w/-c set the check's first threshold; --KEY-warning/--KEY-critical set any of them.
        -t SECONDS   give up with UNKNOWN after this long (default 10)
        -v           one more line per finding, with advice
        """;

    public static string For(string? topic, CheckCatalog catalog) => topic switch
    {
        "check" => CheckUsage + "\nChecks:\n" + string.Concat(catalog.All.Select(Describe)),
        _ when topic is not null && catalog.Find(topic) is { } check => CheckUsage + "\n" + Describe(check),
        _ => General,
    };

    private static string Describe(ICheck check) =>
        $"  {check.Name}: {check.Description}\n" +
        string.Concat(check.Thresholds.Select(t => $"    --{t.Key}-warning/--{t.Key}-critical: {t.Description}\n"));
}
