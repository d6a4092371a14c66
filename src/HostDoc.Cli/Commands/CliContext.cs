using HostDoc.Checks;
using HostDoc.Cli.CommandLine;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary>
/// Phase two of the CLI: the resolved settings a command runs with (where to read, how to write,
/// the clock), built from the validated invocation.
/// </summary>
/// <param name="Host">The host model over the chosen root.</param>
/// <param name="Catalog">The check catalog.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Style">Terminal decoration for standard output.</param>
internal sealed record CliContext(HostModel Host, CheckCatalog Catalog, TextWriter Out, TextWriter Error, TextStyle Style)
{
    /// <summary>Writes each problem as one line on stderr ("hostdoc COMMAND: what, where, why") and returns the exit code: 0 when there were none, 1 otherwise.</summary>
    public int ReportProblems(string command, IEnumerable<HostDoc.Sources.SourceProblem> problems)
    {
        var count = 0;
        foreach (var problem in problems.Distinct())
        {
            Error.Write($"hostdoc {command}: {problem}\n");
            count++;
        }

        return count == 0 ? ExitCodes.Ok : ExitCodes.SourceProblem;
    }

    /// <summary>Resolves <paramref name="global"/>: the root (a directory checked to exist, or a snapshot read into memory) and the colour decision.</summary>
    public static CliContext? Resolve(
        GlobalOptions global, TimeSpan statvfsTimeout, CheckCatalog catalog, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal,
        Func<string, string?> environment, TimeProvider clock, out string? error)
    {
        error = null;
        var root = HostRoot.Live;
        if (global.Root is { } dir)
        {
            if (!Directory.Exists(dir))
            {
                error = $"--root {dir}: no such directory";
                return null;
            }

            root = HostRoot.At(dir);
        }
        else if (global.Snapshot is { } file)
        {
            try
            {
                root = HostDoc.Roots.SnapshotArchive.Open(file);
            }
            catch (HostDoc.Roots.SnapshotException e)
            {
                error = e.Message;
                return null;
            }
        }

        var color = global.Color switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            _ => stdoutIsTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") is not (null or "dumb"),
        };
        return new CliContext(new HostModel(root, clock, statvfsTimeout), catalog, stdout, stderr, new TextStyle(color));
    }
}
