using SharpFuzz;

namespace HostDoc.Fuzz;

/// <summary>
/// <c>HostDoc.Fuzz TARGET</c>: the harness loop AFL++ drives (afl-fuzz … -- dotnet HostDoc.Fuzz.dll TARGET).
/// <c>HostDoc.Fuzz TARGET --replay PATH…</c>: feeds each file (or each file of each folder) once and
/// prints the first exception with its input, for triage and the regression tests.
/// <c>HostDoc.Fuzz --list</c>: the harnesses.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
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
