using System.Diagnostics;
using HostDoc.Cli.Help;
using Xunit;

namespace HostDoc.Tests.Cli;

/// <summary>
/// The man page and the completions are made from --help: every command and option --help lists is in them, the
/// shells accept them (bash completes a command, a check name, an option; zsh and fish parse them) and man renders
/// the page without a warning.
/// </summary>
public sealed class HelpDocumentationTests
{
    private static readonly string Help = CliRun.Of("--help").Out;

    private static (string Out, string Error, int Code) Shell(string shell, string script)
    {
        var start = new ProcessStartInfo(shell) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (output, error.Result, process.ExitCode);
    }

    [Fact]
    public void Help_lists_every_command_the_parser_takes()
    {
        var names = CommandHelp.Parse(Help).Select(c => c.Words[0]).Distinct().ToArray();
        Assert.Equal(["report", "mem", "df", "devices", "logs", "collect", "serve", "explain", "tmpfs-resize", "stuck", "iostat", "net", "irq", "cpus", "cpuset", "affinity", "decode", "check", "help"], names);
        foreach (var name in names.Where(n => n != "help"))
        {
            Assert.DoesNotContain("unknown command", CliRun.Of(name, "--no-such-option").Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_man_page_holds_every_synopsis_and_renders_without_warnings()
    {
        var page = CliRun.Of("help", "--man").Out;
        foreach (var command in CommandHelp.Parse(Help))
        {
            Assert.Contains(".B " + command.Synopsis.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal) + "\n", page, StringComparison.Ordinal);
        }

        foreach (var check in new HostDoc.Checks.CheckCatalog().All)
        {
            Assert.Contains(check.Name.Replace("-", "\\-", StringComparison.Ordinal) + ":", page, StringComparison.Ordinal);
        }

        var man = DebianOracle.Require("man", "man-db");
        using var temp = new TempTree();
        File.WriteAllText(Path.Combine(temp.Dir, "hostdoc.1"), page);
        var (text, warnings, code) = Shell("bash", $"MANWIDTH=120 {man} --warnings -l {temp.Dir}/hostdoc.1\n");
        Assert.Equal(0, code);
        Assert.Equal("", warnings);
        Assert.Contains("collect [-o FILE] [--redact]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bash_completes_commands_checks_and_options()
    {
        var script = CliRun.Of("help", "--completion", "bash").Out;
        foreach (var command in CommandHelp.Parse(Help))
        {
            Assert.Contains(command.Words[0], script, StringComparison.Ordinal);
            Assert.All(command.Options, o => Assert.Contains(o, script, StringComparison.Ordinal));
        }

        var (output, error, code) = Shell("bash", script + """
            complete -p hostdoc
            try() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _hostdoc; echo "${COMP_WORDS[*]} => ${COMPREPLY[*]}"; }
            try hostdoc col
            try hostdoc --root /tmp check wri
            try hostdoc collect --red
            try hostdoc decode s
            """);
        Assert.True(code == 0, error);
        Assert.Contains("complete -F _hostdoc hostdoc", output, StringComparison.Ordinal);
        Assert.Contains("hostdoc col => collect", output, StringComparison.Ordinal);
        Assert.Contains("check wri => writeback", output, StringComparison.Ordinal);
        Assert.Contains("collect --red => --redact", output, StringComparison.Ordinal);
        Assert.Contains("decode s => sense scsi-result", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zsh", "zsh", "-n")]
    [InlineData("fish", "fish", "--no-execute")]
    public void Zsh_and_fish_parse_their_completions(string shell, string package, string check)
    {
        var binary = DebianOracle.Require(shell, package);
        using var temp = new TempTree();
        var file = Path.Combine(temp.Dir, "hostdoc." + shell);
        File.WriteAllText(file, CliRun.Of("help", "--completion", shell).Out);
        var (_, error, code) = Shell("bash", $"{binary} {check} {file}\n");
        Assert.True(code == 0, error);
        Assert.Equal(2, CliRun.Of("help", "--completion", "tcsh").Code);
    }
}
