using HostDoc.Findings;
using HostDoc.Output;
using Xunit;

namespace HostDoc.Tests.Output;

public sealed class PerfdataWriterTests
{
    [Theory]
    [InlineData("available", "available")]
    [InlineData("/srv/my data", "'/srv/my data'")]
    [InlineData("/srv/cdt/it's", "'/srv/cdt/it''s'")]   // check_disk 2.x leaves this quote undoubled
    [InlineData("a=b", "a_b")]
    public void Quotes_labels_as_the_guidelines_say(string label, string expected) =>
        Assert.Equal(expected, PerfdataWriter.Label(label));

    [Fact]
    public void Writes_plain_numbers_and_drops_trailing_empty_fields()
    {
        var writer = new StringWriter();
        PerfdataWriter.Write(writer, [
            new Measurement("dirty", 6230016, "B", 3744665600.4, 4994924544, 0, 4994924544),
            new Measurement("limit", 5, "B", Min: 0),
            new Measurement("ratio", 0.125, "%"),
        ]);
        Assert.Equal("dirty=6230016B;3744665600.4;4994924544;0;4994924544 limit=5B;;;0 ratio=0.125%", writer.ToString());
    }
}
