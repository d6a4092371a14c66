using System.Text;
using HostDoc.Checks;

namespace HostDoc.Cli.Help;

/// <summary>
/// The monitoring systems' definitions of every <c>hostdoc check</c>, made from the check catalog (its thresholds and
/// options), so a check added to hostdoc is defined here by itself: <c>hostdoc help --monitoring icinga2|nagios</c>.
/// Icinga 2 gets a <c>CheckCommand</c> per check, every threshold and option a custom variable
/// (<c>hostdoc_disk_warning</c>, <c>hostdoc_kernel_log_state</c>), and <c>apply Service</c> rules for hosts with
/// <c>vars.hostdoc</c>; Nagios and Naemon get a <c>define command</c> per check taking its options in <c>$ARG1$</c>.
/// </summary>
internal static class MonitoringDefinitions
{
    private const string Binary = "/usr/bin/hostdoc";

    public static string? Render(string system, CheckCatalog catalog) => system switch
    {
        "icinga2" => Icinga2(catalog),
        "nagios" => Nagios(catalog),
        _ => null,
    };

    private static string Icinga2(CheckCatalog catalog)
    {
        var b = new StringBuilder();
        b.Append("/* Icinga 2 CheckCommands for hostdoc (made by: hostdoc help --monitoring icinga2). Include this file from\n")
         .Append(" * /etc/icinga2/conf.d/ (or a zone's directory), and give a host vars.hostdoc = true for the services at the end. */\n\n");
        foreach (var check in catalog.All)
        {
            var prefix = "hostdoc_" + Var(check.Name);
            b.Append("object CheckCommand \"hostdoc-").Append(check.Name).Append("\" {\n");
            b.Append("  command = [ \"").Append(Binary).Append("\", \"check\", \"").Append(check.Name).Append("\" ]\n");
            b.Append("  arguments = {\n");
            for (var i = 0; i < check.Thresholds.Count; i++)
            {
                var t = check.Thresholds[i];
                var (warning, critical) = i == 0 ? ("-w", "-c") : ($"--{t.Key}-warning", $"--{t.Key}-critical");
                var name = i == 0 ? prefix : prefix + "_" + Var(t.Key);
                Argument(b, warning, $"${name}_warning$", "warning range for " + t.Description);
                Argument(b, critical, $"${name}_critical$", "critical range for " + t.Description);
            }

            foreach (var option in check.Options)
            {
                var variable = $"{prefix}_{Var(option.Name)}";
                if (option.TakesValue)
                {
                    Argument(b, "--" + option.Name, $"${variable}$", option.Description);
                }
                else
                {
                    b.Append("    \"--").Append(option.Name).Append("\" = {\n      set_if = \"$").Append(variable).Append("$\"\n      description = \"")
                     .Append(Quote(option.Description)).Append("\"\n    }\n");
                }
            }

            Argument(b, "-t", "$hostdoc_timeout$", "seconds before the check gives up with UNKNOWN (default 10)");
            b.Append("    \"-v\" = {\n      set_if = \"$hostdoc_verbose$\"\n      description = \"one more line per finding, with advice\"\n    }\n");
            b.Append("  }\n}\n\n");
        }

        b.Append("/* One service per check on every host with vars.hostdoc = true. */\n");
        foreach (var check in catalog.All)
        {
            b.Append("apply Service \"hostdoc-").Append(check.Name).Append("\" {\n  check_command = \"hostdoc-").Append(check.Name)
             .Append("\"\n  command_endpoint = host.vars.hostdoc_endpoint\n  assign where host.vars.hostdoc == true\n}\n\n");
        }

        return b.ToString();
    }

    private static string Nagios(CheckCatalog catalog)
    {
        var b = new StringBuilder();
        b.Append("# Nagios / Naemon commands for hostdoc (made by: hostdoc help --monitoring nagios). Each takes the check's\n")
         .Append("# options in $ARG1$, e.g. check_command hostdoc-disk!-w 20% -c 10%\n\n");
        foreach (var check in catalog.All)
        {
            b.Append("# ").Append(check.Description).Append('\n');
            foreach (var t in check.Thresholds.Select((t, i) => (t, i)))
            {
                b.Append("#   ").Append(t.i == 0 ? "-w/-c" : $"--{t.t.Key}-warning/--{t.t.Key}-critical").Append(": ").Append(t.t.Description).Append('\n');
            }

            foreach (var option in check.Options)
            {
                b.Append("#   --").Append(option.Name).Append(option.TakesValue ? " VALUE" : "").Append(": ").Append(option.Description).Append('\n');
            }

            b.Append("define command {\n    command_name    hostdoc-").Append(check.Name).Append("\n    command_line    ").Append(Binary)
             .Append(" check ").Append(check.Name).Append(" $ARG1$\n}\n\n");
        }

        return b.ToString();
    }

    private static void Argument(StringBuilder b, string option, string value, string description) =>
        b.Append("    \"").Append(option).Append("\" = {\n      value = \"").Append(value).Append("\"\n      description = \"").Append(Quote(description)).Append("\"\n    }\n");

    private static string Var(string name) => name.Replace('-', '_').Replace('.', '_');

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "$$", StringComparison.Ordinal);
}
