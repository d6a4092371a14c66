using HostDoc.Fuzz;
using Xunit;

namespace HostDoc.Tests.Fuzz;

/// <summary>
/// The fuzz harnesses (fuzz/README.md) as regression tests: every input of a harness's corpus and
/// every input that ever crashed it (fuzz/crashes/HARNESS/, kept for good) is fed to it again here,
/// without AFL++, and none may throw. A fixed crash stays fixed.
/// </summary>
public sealed class FuzzCorpusTests
{
    private static readonly FuzzTargets Targets = new();

    public static TheoryData<string> Harnesses() => [.. Targets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Harnesses))]
    public void Every_corpus_and_crash_input_is_handled(string harness)
    {
        var target = Targets.All.Single(t => t.Name == harness);
        var inputs = new[] { "corpus", "crashes" }.Select(d => Path.Combine(Fixtures.RepoRoot, "fuzz", d, harness)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(Directory.Exists(Path.Combine(Fixtures.RepoRoot, "fuzz", "corpus", harness)), $"fuzz/corpus/{harness} is missing: run fuzz/seed-corpora.sh");
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            try
            {
                target.Run(File.ReadAllBytes(input));
            }
            catch (Exception e)
            {
                failures.Add($"{Path.GetRelativePath(Fixtures.RepoRoot, input)}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void Every_harness_has_a_corpus_and_every_corpus_a_harness()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(Fixtures.RepoRoot, "fuzz", "corpus")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Targets.All.Select(t => t.Name).Order(StringComparer.Ordinal), folders);
    }
}
