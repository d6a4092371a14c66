using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HostDoc.Fuzz.Trees;

/// <summary>
/// Whole-command fuzzing over trees: copies a fixture tree, damages it (<see cref="TreeMutator"/>), runs
/// every command of <see cref="TreeCommands"/> on it in this process and checks the contract: no
/// exception escapes, no command runs past its deadline, exit codes are the documented ones, a check
/// prints one <c>NAME STATE - text</c> line whose state matches its exit code, JSON output parses and
/// the text report reaches its closing count line. A failure keeps the
/// damaged tree under <c>OUT/&lt;site&gt;/</c> with what was done to it; the same site is kept once.
/// </summary>
public sealed partial class TreeFuzzer(IReadOnlyList<string> fixtures, string work, string? keep, TimeSpan deadline)
{
    private static readonly string[] States = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

    /// <summary>Runs for <paramref name="duration"/> (or <paramref name="maxTrees"/> trees); returns the summary.</summary>
    public TreeFuzzSummary Run(int seed, TimeSpan duration, int maxTrees = int.MaxValue)
    {
        var random = new Random(seed);
        var mutator = new TreeMutator(random);
        var clock = Stopwatch.StartNew();
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var trees = 0;
        var runs = 0;
        while (clock.Elapsed < duration && trees < maxTrees)
        {
            var fixture = fixtures[random.Next(fixtures.Count)];
            var tree = Path.Combine(work, $"tree-{trees}");
            Copy(fixture, tree);
            var mutations = mutator.Mutate(tree);
            trees++;
            foreach (var command in TreeCommands.All)
            {
                runs++;
                if (Check(tree, command) is { } failure)
                {
                    var site = Site(failure);
                    if (failures.TryAdd(site, failure))
                    {
                        Keep(tree, fixture, mutations, command, failure, site);
                    }

                    if (failure.StartsWith("hang", StringComparison.Ordinal))
                    {
                        return new TreeFuzzSummary(trees, runs, clock.Elapsed, failures);   // a hung command's thread cannot be stopped
                    }
                }
            }

            Directory.Delete(tree, recursive: true);
        }

        return new TreeFuzzSummary(trees, runs, clock.Elapsed, failures);
    }

    private string? Check(string tree, TreeCommands.Command command)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var args = new[] { "--root", tree }.Concat(command.Args).ToArray();
        var task = Task.Run(() => CliInProcess.Run(args, stdout, stderr));
        try
        {
            if (!task.Wait(deadline))
            {
                return $"hang: '{string.Join(' ', command.Args)}' still running after {deadline.TotalSeconds} s";
            }
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException!;
            return $"exception: '{string.Join(' ', command.Args)}': {inner.GetType().Name}: {inner.Message}\n{inner.StackTrace}";
        }

        var code = task.Result;
        var text = stdout.ToString();
        if (command.IsCheck)
        {
            var first = text.Split('\n')[0];
            var match = StatusLine().Match(first);
            if (code is < 0 or > 3 || !match.Success || match.Groups[1].Value != States[code])
            {
                return $"contract: '{string.Join(' ', command.Args)}' exit {code} with first line '{first}'";
            }
        }
        else if (code is < 0 or > 2)
        {
            return $"contract: '{string.Join(' ', command.Args)}' exit {code}";
        }

        return Output(command, text, code);
    }

    /// <summary>
    /// What a command printed must still be whole: JSON that parses, a report that reaches its closing count. A command
    /// that had nothing to show (exit 1: its source could not be read, said on stderr) may print nothing at all.
    /// </summary>
    private static string? Output(TreeCommands.Command command, string text, int code)
    {
        var what = string.Join(' ', command.Args);
        if (command.Args.Contains("json") && !(code == 1 && text.Length == 0))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(text);
            }
            catch (System.Text.Json.JsonException e)
            {
                return $"contract: '{what}' printed JSON that does not parse: {e.Message}";
            }
        }
        else if (command.Args is ["report"] && !ReportEnd().IsMatch(text))
        {
            return $"contract: '{what}' did not print its closing count line";
        }

        return null;
    }

    /// <summary>Where a failure happened: the first hostdoc frame of the stack, else its first line.</summary>
    private static string Site(string failure)
    {
        var frame = failure.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("at HostDoc.", StringComparison.Ordinal) && !l.Contains("HostDoc.Fuzz", StringComparison.Ordinal));
        var kind = failure.Split(':')[0];
        return frame is null ? $"{kind}: {failure.Split('\n')[0]}" : $"{kind}: {failure.Split('\n')[0].Split(": ").Skip(2).FirstOrDefault()} {ExceptionFrame().Replace(frame.Trim(), "")}";
    }

    private void Keep(string tree, string fixture, IReadOnlyList<string> mutations, TreeCommands.Command command, string failure, string site)
    {
        if (keep is null)
        {
            return;
        }

        var dir = Path.Combine(keep, "site-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(site)))[..12]);
        if (Directory.Exists(dir))
        {
            return;   // kept by an earlier run
        }

        Copy(tree, Path.Combine(dir, "tree"));
        File.WriteAllText(Path.Combine(dir, "FAILURE.txt"),
            $"fixture: {fixture}\ncommand: hostdoc --root tree {string.Join(' ', command.Args)}\nmutations:\n  {string.Join("\n  ", mutations)}\n\n{failure}\n");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }

    // "DISK UNKNOWN: …" is check_disk's own form for its usage errors, which check disk's compatible mode repeats.
    [GeneratedRegex("^[A-Z0-9_-]+ (OK|WARNING|CRITICAL|UNKNOWN)( - |: )", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\n\d+ critical, \d+ warning, \d+ unknown, \d+ info, \d+ ok\n$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportEnd();

    [GeneratedRegex(@" in /.*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionFrame();
}
