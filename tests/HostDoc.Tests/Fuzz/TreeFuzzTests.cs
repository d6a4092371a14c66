using HostDoc.Fuzz.Trees;
using Xunit;

namespace HostDoc.Tests.Fuzz;

/// <summary>
/// Whole-command fuzzing over damaged copies of every fixture tree, bounded for CI (the long runs are
/// <c>dotnet fuzz/HostDoc.Fuzz/…/HostDoc.Fuzz.dll --trees --minutes M</c>, fuzz/README.md): every
/// command on every damaged tree ends inside its documented exit codes, with no exception and no hang.
/// Two fixed seeds, so a failure here reproduces.
/// </summary>
public sealed class TreeFuzzTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Every_command_survives_damaged_trees(int seed)
    {
        var work = Directory.CreateTempSubdirectory("hostdoc-test-treefuzz-").FullName;
        try
        {
            var summary = new TreeFuzzer(FixtureTrees.In(Fixtures.RepoRoot), work, keep: null, TimeSpan.FromSeconds(60))
                .Run(seed, TimeSpan.FromSeconds(20), maxTrees: 60);
            Assert.True(summary.Trees >= 10, $"only {summary.Trees} trees in the time given");
            Assert.True(summary.Failures.Count == 0, string.Join("\n\n", summary.Failures.Select(f => $"{f.Key}\n{f.Value}")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void The_fixture_trees_are_found()
    {
        var trees = FixtureTrees.In(Fixtures.RepoRoot).Select(Path.GetFileName).ToArray();
        Assert.Contains("vm-6.18-idle", trees);
        Assert.Contains("failing-disk", trees);
        Assert.True(trees.Length >= 8, string.Join(", ", trees));
    }
}
