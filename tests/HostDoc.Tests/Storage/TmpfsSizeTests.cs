using HostDoc.Storage;
using Xunit;

namespace HostDoc.Tests.Storage;

public sealed class TmpfsSizeTests
{
    [Theory]
    [InlineData("10M", 10UL << 20)]
    [InlineData("10m", 10UL << 20)]
    [InlineData("512k", 512UL << 10)]
    [InlineData("1G", 1UL << 30)]
    [InlineData("2t", 2UL << 40)]
    [InlineData("1e", 1UL << 60)]
    [InlineData("4096", 4096UL)]
    [InlineData("0", 0UL)]
    [InlineData("50%", 500UL)]
    public void Reads_the_forms_tmpfs_accepts(string text, ulong bytes)
    {
        Assert.True(TmpfsSize.TryParse(text, 1000, out var size, out var error), error);
        Assert.Equal(bytes, size.Bytes);
    }

    [Theory]
    [InlineData("10MB")]
    [InlineData("ten")]
    [InlineData("-1M")]
    [InlineData("16e")]
    [InlineData("x%")]
    public void Rejects_what_tmpfs_rejects(string text) => Assert.False(TmpfsSize.TryParse(text, 1000, out _, out _));
}
