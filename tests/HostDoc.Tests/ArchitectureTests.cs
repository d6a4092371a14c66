using System.Text.RegularExpressions;
using Xunit;

namespace HostDoc.Tests;

/// <summary>The pipeline's one-way dependencies (DESIGN.md), checked on the source text.</summary>
public sealed partial class ArchitectureTests
{
    // folder under src/HostDoc -> namespaces it must not use
    [Theory]
    [InlineData("Sources", new[] { "HostDoc.Proc", "HostDoc.Memory", "HostDoc.Checks", "HostDoc.Findings", "HostDoc.Output" })]
    [InlineData("Proc", new[] { "HostDoc.Memory", "HostDoc.Storage.FilesystemTable", "HostDoc.Tasks", "HostDoc.KernelLog", "HostDoc.Checks", "HostDoc.Findings", "HostDoc.Output" })]
    [InlineData("Storage", new[] { "HostDoc.Tasks", "HostDoc.KernelLog", "HostDoc.Checks", "HostDoc.Findings", "HostDoc.Output" })]
    [InlineData("KernelLog", new[] { "HostDoc.Tasks", "HostDoc.Storage", "HostDoc.Checks", "HostDoc.Output" })]
    [InlineData("Tasks", new[] { "HostDoc.Checks", "HostDoc.Findings", "HostDoc.Output" })]
    [InlineData("Memory", new[] { "HostDoc.Checks", "HostDoc.Findings", "HostDoc.Output" })]
    [InlineData("Findings", new[] { "HostDoc.Checks", "HostDoc.Output", "HostDoc.Proc" })]
    [InlineData("Checks", new[] { "HostDoc.Output", "HostDoc.Metrics" })]
    [InlineData("Metrics", new[] { "HostDoc.Output" })]
    public void Stages_depend_one_way(string folder, string[] forbidden)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "src", "HostDoc", folder), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match use in UsingOrQualified().Matches(File.ReadAllText(file)))
            {
                Assert.False(forbidden.Any(f => use.Groups[1].Value.StartsWith(f, StringComparison.Ordinal)),
                    $"{Path.GetRelativePath(Fixtures.RepoRoot, file)} uses {use.Groups[1].Value}");
            }
        }
    }

    [Fact]
    public void Only_the_cli_touches_the_console_and_nothing_opens_proc_literally()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.RepoRoot, "src", "HostDoc"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("Console.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("File.ReadAll", text, StringComparison.Ordinal);
            Assert.DoesNotContain("new Regex", text, StringComparison.Ordinal);
            Assert.DoesNotContain("GeneratedRegex", text, StringComparison.Ordinal);   // the engine alone adds ~1 ms to every start
        }
    }

    [GeneratedRegex(@"(?:using\s+|\b)(HostDoc\.[A-Z]\w*)")]
    private static partial Regex UsingOrQualified();
}
