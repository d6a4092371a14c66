using HostDoc.Checks;
using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// <c>hostdoc help --monitoring icinga2|nagios</c>: a definition for every check, every threshold and option mapped,
/// validated by the real daemons — Debian's <c>icinga2 daemon -C</c> and <c>nagios4 -v</c> — on minimal configurations
/// that include them (run in a private mount namespace, so icinga2's cache files land on a tmpfs of the test's).
/// </summary>
public sealed class MonitoringDefinitionsTests
{
    [Fact]
    public void Every_check_threshold_and_option_has_a_definition()
    {
        var icinga = CliRun.Of("help", "--monitoring", "icinga2").Out;
        var nagios = CliRun.Of("help", "--monitoring", "nagios").Out;
        foreach (var check in new CheckCatalog().All)
        {
            var prefix = "hostdoc_" + check.Name.Replace('-', '_');
            Assert.Contains($"object CheckCommand \"hostdoc-{check.Name}\"", icinga, StringComparison.Ordinal);
            Assert.Contains($"apply Service \"hostdoc-{check.Name}\"", icinga, StringComparison.Ordinal);
            Assert.Contains($"command_line    /usr/bin/hostdoc check {check.Name} $ARG1$", nagios, StringComparison.Ordinal);
            if (check.Thresholds.Count > 0)
            {
                Assert.Contains($"\"-w\" = {{\n      value = \"${prefix}_warning$\"", icinga, StringComparison.Ordinal);
            }

            foreach (var t in check.Thresholds.Skip(1))
            {
                Assert.Contains($"\"--{t.Key}-critical\" = {{\n      value = \"${prefix}_{t.Key.Replace('-', '_')}_critical$\"", icinga, StringComparison.Ordinal);
            }

            foreach (var o in check.Options)
            {
                Assert.Contains($"\"--{o.Name}\" = {{", icinga, StringComparison.Ordinal);
                Assert.Contains($"${prefix}_{o.Name.Replace('-', '_')}$", icinga, StringComparison.Ordinal);
            }
        }

        Assert.Equal(2, CliRun.Of("help", "--monitoring", "zabbix").Code);
    }

    [Fact]
    public void Icinga2_validates_the_check_commands_and_services()
    {
        var icinga2 = DebianOracle.Require("icinga2", "icinga2-bin");
        using var temp = new TempTree();
        File.WriteAllText(Path.Combine(temp.Dir, "hostdoc.conf"), CliRun.Of("help", "--monitoring", "icinga2").Out);
        File.WriteAllText(Path.Combine(temp.Dir, "icinga2.conf"), """
            include "hostdoc.conf"
            object Host "hostdoc-test-host" {
              check_command = "hostdoc-cpus"
              vars.hostdoc = true
              vars.hostdoc_disk_warning = "20%"
              vars.hostdoc_disk_critical = "10%"
              vars.hostdoc_kernel_log_state = "/var/lib/hostdoc/kernel-log.state"
              vars.hostdoc_verbose = true
            }
            """);
        var (output, code) = PrivateNamespace.Run($"""
            mkdir -p /var/cache/icinga2 /var/lib/icinga2 /var/log/icinga2 /run/icinga2
            for d in /var/cache/icinga2 /var/lib/icinga2 /var/log/icinga2 /run/icinga2; do mount -t tmpfs hostdoc-icinga "$d"; done
            {icinga2} daemon -C -c {temp.Dir}/icinga2.conf 2>&1
            """);
        Assert.True(code == 0, output);
        Assert.Contains("Finished validating the configuration file(s).", output, StringComparison.Ordinal);
        Assert.Contains($"Instantiated {new CheckCatalog().All.Count} CheckCommands.", output, StringComparison.Ordinal);
        Assert.Contains($"Instantiated {new CheckCatalog().All.Count} Services.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning/", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nagios_validates_the_commands()
    {
        var nagios = DebianOracle.Require("nagios4", "nagios4-core");
        using var temp = new TempTree();
        var dir = temp.Dir;
        File.WriteAllText(Path.Combine(dir, "hostdoc.cfg"), CliRun.Of("help", "--monitoring", "nagios").Out);
        File.WriteAllText(Path.Combine(dir, "nagios.cfg"), $"""
            log_file={dir}/nagios.log
            cfg_file={dir}/hostdoc.cfg
            cfg_file={dir}/objects.cfg
            check_result_path={dir}
            lock_file={dir}/nagios.lock
            temp_file={dir}/nagios.tmp
            status_file={dir}/status.dat
            object_cache_file={dir}/objects.cache
            precached_object_file={dir}/objects.precache
            command_file={dir}/nagios.cmd
            illegal_macro_output_chars=`~$&|'"<>
            nagios_user=root
            nagios_group=root
            """);
        var services = string.Concat(new CheckCatalog().All.Select(c => $$"""
            define service {
                host_name             hostdoc-test-host
                service_description   hostdoc-{{c.Name}}
                check_command         hostdoc-{{c.Name}}!-v
                max_check_attempts    1
                check_interval        1
                retry_interval        1
                check_period          24x7
                notification_period   24x7
                contacts              hostdoc-admin
            }

            """));
        File.WriteAllText(Path.Combine(dir, "objects.cfg"), """
            define timeperiod {
                timeperiod_name 24x7
                alias           always
                monday 00:00-24:00
            }
            define contact {
                contact_name                  hostdoc-admin
                host_notifications_enabled    0
                service_notifications_enabled 0
                host_notification_period      24x7
                service_notification_period   24x7
                host_notification_options     n
                service_notification_options  n
                host_notification_commands    hostdoc-cpus
                service_notification_commands hostdoc-cpus
            }
            define host {
                host_name             hostdoc-test-host
                address               127.0.0.1
                check_command         hostdoc-cpus
                max_check_attempts    1
                check_period          24x7
                contacts              hostdoc-admin
                notification_period   24x7
            }

            """ + services);
        var (output, code) = PrivateNamespace.Run($"{nagios} -v {dir}/nagios.cfg 2>&1");
        Assert.True(code == 0, output);
        Assert.Contains("Total Warnings: 0", output, StringComparison.Ordinal);
        Assert.Contains("Total Errors:   0", output, StringComparison.Ordinal);
        Assert.Contains($"Checked {new CheckCatalog().All.Count} services.", output, StringComparison.Ordinal);
    }
}
