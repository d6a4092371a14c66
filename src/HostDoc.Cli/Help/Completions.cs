using System.Text;
using HostDoc.Checks;

namespace HostDoc.Cli.Help;

/// <summary>
/// Shell completions for bash, zsh and fish, made from <c>--help</c>'s command list and the check catalog:
/// <c>hostdoc help --completion SHELL</c>. They complete the command words, each command's options, the check names
/// after <c>check</c>, and files after the options that take one.
/// </summary>
internal static class Completions
{
    public static string? Render(string shell, string help, CheckCatalog catalog)
    {
        var commands = CommandHelp.Parse(help);
        var globals = CommandHelp.GlobalOptions(help).SelectMany(g => g.Options).ToArray();
        var checks = catalog.All.Select(c => c.Name).ToArray();
        return shell switch
        {
            "bash" => Bash(commands, globals, checks),
            "zsh" => Zsh(commands, globals, checks),
            "fish" => Fish(commands, globals, checks),
            _ => null,
        };
    }

    private static IEnumerable<(string Name, string[] Options, string[] Subcommands)> Tops(IReadOnlyList<CommandHelp> commands) =>
        commands.Where(c => c.Words.Count > 0).GroupBy(c => c.Words[0], StringComparer.Ordinal).Select(g => (
            g.Key,
            g.SelectMany(c => c.Options).Distinct(StringComparer.Ordinal).ToArray(),
            g.Where(c => c.Words.Count > 1).Select(c => c.Words[1]).Distinct(StringComparer.Ordinal).ToArray()));

    private static string Bash(IReadOnlyList<CommandHelp> commands, string[] globals, string[] checks)
    {
        var b = new StringBuilder();
        b.Append("# bash completion for hostdoc (made by: hostdoc help --completion bash)\n");
        b.Append("_hostdoc()\n{\n    local cur prev words cword\n    _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=(\"${COMP_WORDS[@]}\"); cword=$COMP_CWORD; }\n");
        b.Append("    case $prev in\n        --root|--snapshot|-o|--output|--web.config.file|--collector.textfile.directory) _filedir 2>/dev/null || COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n    esac\n");
        b.Append("    local command= i\n    for ((i = 1; i < cword; i++)); do\n        case ${words[i]} in\n            --root|--snapshot|--color) ((i++)) ;;\n            -*) ;;\n            *) command=${words[i]}; break ;;\n        esac\n    done\n");
        b.Append("    case $command in\n");
        b.Append("        '') COMPREPLY=($(compgen -W '").Append(string.Join(' ', Tops(commands).Select(t => t.Name).Concat(globals))).Append("' -- \"$cur\")) ;;\n");
        foreach (var (name, options, subcommands) in Tops(commands))
        {
            var words = name == "check" ? checks.Concat(options).Append("--list") : subcommands.Concat(options);
            b.Append("        ").Append(name).Append(") COMPREPLY=($(compgen -W '").Append(string.Join(' ', words.Distinct(StringComparer.Ordinal))).Append("' -- \"$cur\")) ;;\n");
        }

        b.Append("    esac\n}\ncomplete -F _hostdoc hostdoc\n");
        return b.ToString();
    }

    private static string Zsh(IReadOnlyList<CommandHelp> commands, string[] globals, string[] checks)
    {
        var b = new StringBuilder();
        b.Append("#compdef hostdoc\n# zsh completion for hostdoc (made by: hostdoc help --completion zsh)\n_hostdoc() {\n  local -a commands\n  commands=(\n");
        foreach (var command in commands.Where(c => c.Words.Count == 1).DistinctBy(c => c.Words[0]))
        {
            b.Append("    '").Append(command.Words[0]).Append(':').Append(Quote(Short(command.Description), 'z')).Append("'\n");
        }

        b.Append("  )\n  local i command=\n  for ((i = 2; i < CURRENT; i++)); do\n    case ${words[i]} in\n      --root|--snapshot|--color) ((i++)) ;;\n      -*) ;;\n      *) command=${words[i]}; break ;;\n    esac\n  done\n");
        b.Append("  case ${words[CURRENT-1]} in\n    --root|--snapshot|-o|--output|--web.config.file) _files; return ;;\n  esac\n");
        b.Append("  case $command in\n    '') _describe command commands; compadd -- ").Append(string.Join(' ', globals)).Append(" ;;\n");
        foreach (var (name, options, subcommands) in Tops(commands))
        {
            var words = name == "check" ? checks.Concat(options).Append("--list") : subcommands.Concat(options);
            b.Append("    ").Append(name).Append(") compadd -- ").Append(string.Join(' ', words.Distinct(StringComparer.Ordinal))).Append(" ;;\n");
        }

        b.Append("  esac\n}\n_hostdoc \"$@\"\n");
        return b.ToString();
    }

    private static string Fish(IReadOnlyList<CommandHelp> commands, string[] globals, string[] checks)
    {
        var tops = Tops(commands).ToArray();
        var b = new StringBuilder();
        b.Append("# fish completion for hostdoc (made by: hostdoc help --completion fish)\ncomplete -c hostdoc -f\n");
        foreach (var command in commands.Where(c => c.Words.Count == 1).DistinctBy(c => c.Words[0]))
        {
            b.Append("complete -c hostdoc -n '__fish_use_subcommand' -a ").Append(command.Words[0]).Append(" -d '").Append(Quote(Short(command.Description), 'f')).Append("'\n");
        }

        foreach (var global in globals.Where(g => g.StartsWith("--", StringComparison.Ordinal)))
        {
            b.Append("complete -c hostdoc -l ").Append(global[2..]).Append(global is "--root" or "--snapshot" ? " -r -F" : "").Append('\n');
        }

        foreach (var (name, options, subcommands) in tops)
        {
            var words = name == "check" ? checks.Append("--list") : subcommands;
            if (words.Any())
            {
                b.Append("complete -c hostdoc -n '__fish_seen_subcommand_from ").Append(name).Append("' -a '").Append(string.Join(' ', words)).Append("'\n");
            }

            foreach (var option in options)
            {
                b.Append("complete -c hostdoc -n '__fish_seen_subcommand_from ").Append(name).Append("' ")
                    .Append(option.StartsWith("--", StringComparison.Ordinal) ? "-l " + option[2..] : "-s " + option[1..]).Append('\n');
            }
        }

        return b.ToString();
    }

    private static string Short(string description) => description.Split(';', '(')[0].Trim() is { Length: > 0 } s ? (s.Length > 70 ? s[..70] : s) : description;

    /// <summary>Text for inside single quotes: sh's way ('\'') for zsh, fish's (\') for fish.</summary>
    private static string Quote(string text, char shell) => shell == 'f' ? text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) : text.Replace("'", "'\\''", StringComparison.Ordinal);
}
