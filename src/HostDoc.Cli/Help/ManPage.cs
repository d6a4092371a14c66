using System.Text;
using HostDoc.Checks;
using HostDoc.Cli.Commands;

namespace HostDoc.Cli.Help;

/// <summary>hostdoc(1) in roff (man(7) macros), made from <c>--help</c> and the check catalog: <c>hostdoc help --man</c>.</summary>
internal static class ManPage
{
    public static string Render(string help, CheckCatalog catalog, string version)
    {
        var man = new StringBuilder();
        man.Append(".TH HOSTDOC 1 \"\" \"").Append(Escape(version)).Append("\" \"User Commands\"\n");
        man.Append(".SH NAME\nhostdoc \\- a doctor for Linux hosts\n");
        man.Append(".SH SYNOPSIS\n.B hostdoc\n").Append(Escape(Line(help, "Usage: hostdoc ")?.Trim() ?? "")).Append('\n');
        man.Append(".SH DESCRIPTION\n").Append(Escape(help.Split('\n')[0].Replace("hostdoc: a doctor", "hostdoc is a doctor", StringComparison.Ordinal))).Append('\n');
        man.Append(".SH COMMANDS\n");
        foreach (var command in CommandHelp.Parse(help))
        {
            man.Append(".TP\n.B ").Append(Escape(command.Synopsis)).Append('\n').Append(Escape(command.Description)).Append('\n');
        }

        man.Append(".SH GLOBAL OPTIONS\n");
        foreach (var option in CommandHelp.GlobalOptions(help))
        {
            man.Append(".TP\n.B ").Append(Escape(option.Synopsis)).Append('\n').Append(Escape(option.Description)).Append('\n');
        }

        man.Append(".SH CHECKS\n");
        foreach (var line in HelpText.For("check", catalog).Split('\n').Where(l => l.Length > 0))
        {
            man.Append(line.StartsWith("  ", StringComparison.Ordinal) ? ".IP\n" : ".PP\n").Append(Escape(line.Trim())).Append('\n');
        }

        var exit = help[(help.IndexOf("Exit codes:", StringComparison.Ordinal) + "Exit codes:".Length)..];
        man.Append(".SH EXIT STATUS\n").Append(Escape(string.Join(' ', exit.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)))).Append('\n');
        man.Append(".SH SEE ALSO\n/usr/share/doc/hostdoc/README.md, /usr/share/hostdoc/ (Icinga 2, Nagios and Prometheus definitions)\n");
        return man.ToString();
    }

    private static string? Line(string help, string prefix) =>
        help.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line ? line[prefix.Length..] : null;

    /// <summary>Escapes roff: backslashes, and a leading dot or quote that would read as a request.</summary>
    private static string Escape(string text)
    {
        var escaped = text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
