using HostDoc.Fuzz.Trees;
using SharpFuzz;

namespace HostDoc.Fuzz;

/// <summary>
/// <c>HostDoc.Fuzz TARGET</c>: the harness loop AFL++ drives (afl-fuzz … -- dotnet HostDoc.Fuzz.dll TARGET).
/// <c>HostDoc.Fuzz TARGET --replay PATH…</c>: feeds each file (or each file of each folder) once and
/// prints the first exception with its input, for triage and the regression tests.
/// <c>HostDoc.Fuzz --trees [--minutes M] [--seed S] [--keep DIR]</c>: whole commands over damaged copies of every
/// fixture tree (<see cref="Trees.TreeFuzzer"/>); exit 1 when any failed.
/// <c>HostDoc.Fuzz --list</c>: the harnesses.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--trees")
        {
            return FuzzTrees(args[1..]);
        }

        var targets = new FuzzTargets().All;
        if (args.Length == 0 || args[0] is "--list" or "-h" or "--help")
        {
            foreach (var t in targets)
            {
                Console.WriteLine($"{t.Name,-16} {t.Exercises}");
            }

            return args.Length == 0 ? 2 : 0;
        }

        if (targets.FirstOrDefault(t => t.Name == args[0]) is not { } target)
        {
            Console.Error.WriteLine($"HostDoc.Fuzz: no harness '{args[0]}' (--list lists them)");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--replay")
        {
            return Replay(target, args.Skip(2));
        }

        // Persistent mode: one process, the coverage map reset between inputs; an exception is reported to
        // afl-fuzz as a crash and the input saved under its crashes/.
        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    }

    private static int FuzzTrees(string[] args)
    {
        string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var minutes = double.Parse(Option("--minutes", "1"), System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(Option("--seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
        var repository = FixtureTrees.Repository(Directory.GetCurrentDirectory());
        var keep = Option("--keep", Path.Combine(repository, "fuzz", "tree-findings"));
        var work = Directory.CreateTempSubdirectory("hostdoc-treefuzz-").FullName;
        try
        {
            var summary = new TreeFuzzer(FixtureTrees.In(repository), work, keep, TimeSpan.FromSeconds(60))
                .Run(seed, TimeSpan.FromMinutes(minutes));
            foreach (var (site, failure) in summary.Failures)
            {
                Console.WriteLine($"FAILED at {site}\n{failure}\n");
            }

            Console.WriteLine($"trees: {summary.Trees} damaged trees, {summary.Runs} command runs in {summary.Elapsed.TotalSeconds:0} s (seed {seed}), {summary.Failures.Count} failure sites");
            return summary.Failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int Replay(FuzzTarget target, IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                failures++;
                Console.Error.WriteLine($"{target.Name}: {file}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }

        Console.WriteLine($"{target.Name}: {files.Count} inputs, {failures} crashed");
        return failures == 0 ? 0 : 1;
    }
}
