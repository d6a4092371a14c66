using HostDoc.Checks;
using Xunit;

namespace HostDoc.Tests.Checks;

public sealed class CheckCatalogTests
{
    [Fact]
    public void The_list_of_finding_ids_is_a_published_contract()
    {
        var ids = new CheckCatalog().All.SelectMany(c => c.FindingIds.Append($"{c.Name}.source-unreadable")).Order(StringComparer.Ordinal);
        Golden.Assert("finding-ids.txt", string.Join('\n', ids) + "\n");
    }

    [Theory]
    [MemberData(nameof(Fixtures.Trees), MemberType = typeof(Fixtures))]
    public void Every_emitted_id_is_declared_and_every_finding_is_complete(string tree)
    {
        foreach (var check in new CheckCatalog().All)
        {
            var result = check.Run(Fixtures.Host(tree), CheckSettings.Defaults);
            Assert.NotEmpty(result.Findings);
            foreach (var finding in result.Findings)
            {
                Assert.True(check.FindingIds.Contains(finding.Id) || finding.Id == $"{check.Name}.source-unreadable", finding.Id);
                Assert.False(string.IsNullOrWhiteSpace(finding.Summary));
                Assert.False(string.IsNullOrWhiteSpace(finding.Explanation));
                Assert.DoesNotContain('\n', finding.Summary);
            }
        }
    }
}
