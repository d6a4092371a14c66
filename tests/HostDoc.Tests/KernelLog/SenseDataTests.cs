using System.Diagnostics;
using System.Globalization;
using System.Text;
using HostDoc.KernelLog.Decoders;
using Xunit;

namespace HostDoc.Tests.KernelLog;

public sealed class SenseDataTests
{
    private static readonly AscAscqTable Table = AscAscqTable.Load();

    [Fact]
    public void The_seeds_descriptor_sense_names_the_failing_lba()
    {
        Assert.True(SenseData.TryParseHex(["72 03 11 04 00 00 00 0c 00 0a 80 00 00 00 00 00 11 64 01 da"], out var bytes, out _));
        var sense = SenseData.Decode(bytes)!;
        Assert.True(sense.DescriptorFormat);
        Assert.Equal((3, 0x11, 0x04), (sense.SenseKey, sense.Asc, sense.Ascq));
        Assert.Equal(291_766_746UL, sense.Information);
        Assert.True(sense.InformationValid);
        Assert.Equal("Unrecovered read error - auto reallocate failed", Table.Describe(0x11, 0x04));
    }

    [Fact]
    public void Fixed_format_with_the_valid_bit()
    {
        Assert.True(SenseData.TryParseHex(["f0", "00", "03", "11", "64", "01", "da", "0a", "00", "00", "00", "00", "11", "04", "00", "00", "00", "00"], out var bytes, out _));
        var sense = SenseData.Decode(bytes)!;
        Assert.False(sense.DescriptorFormat);
        Assert.Equal(291_766_746UL, sense.Information);
        Assert.True(sense.InformationValid);
    }

    [Fact]
    public void The_table_has_every_t10_code_and_the_ranges()
    {
        Assert.Equal(763, Table.Count);
        Assert.Equal("Diagnostic failure on component [0x85]", Table.Describe(0x40, 0x85));
        Assert.Null(Table.Describe(0x80, 0x01));
    }

    [Theory]
    [InlineData("00 01 02")]
    [InlineData("")]
    public void What_is_not_sense_data_is_refused(string hex)
    {
        if (SenseData.TryParseHex([hex], out var bytes, out _))
        {
            Assert.Null(SenseData.Decode(bytes));
        }
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("72x")]
    [InlineData("")]
    [InlineData("720")]
    public void Bad_hex_is_an_error(string hex) => Assert.False(SenseData.TryParseHex([hex], out _, out _));

    [Fact]
    public void Hex_is_read_as_people_paste_it()
    {
        Assert.True(SenseData.TryParseHex(["0x72,0x3", "11:04"], out var bytes, out _));
        Assert.Equal(new byte[] { 0x72, 0x03, 0x11, 0x04 }, bytes);
    }

    [Fact]
    public void Agrees_with_sg_decode_sense_on_every_code_and_on_generated_buffers()
    {
        DebianOracle.Require("/usr/bin/sg_decode_sense", "sg3-utils");
        var random = new Random(7);
        var buffers = new List<byte[]>();
        foreach (var (asc, ascq) in Table.Codes)
        {
            var lba = (ulong)random.NextInt64(0, uint.MaxValue);
            buffers.Add(random.Next(2) == 0 ? SenseBuffers.Fixed(random.Next(16), asc, ascq, (uint)lba) : SenseBuffers.Descriptor(random.Next(16), asc, ascq, lba));
        }

        var script = new StringBuilder();
        foreach (var b in buffers)
        {
            script.Append("sg_decode_sense ").Append(string.Join(' ', b.Select(x => x.ToString("x2", CultureInfo.InvariantCulture)))).Append("; echo ===\n");
        }

        var (output, _) = RunBash(script.ToString());
        var outputs = output.Split("===\n");
        var compared = 0;
        for (var i = 0; i < buffers.Count; i++)
        {
            var sense = SenseData.Decode(buffers[i])!;
            var theirs = outputs[i];
            Assert.Contains($"Sense key: {SenseKeys.Name(sense.SenseKey)}", theirs, StringComparison.OrdinalIgnoreCase);
            // Debian 12's sg3-utils table dates from 2020: codes added since print as "ASC=xx, ASCQ=yy (hex)".
            var line = theirs.Split('\n').FirstOrDefault(l => l.StartsWith("Additional sense: ", StringComparison.Ordinal));
            Assert.True(line is not null || theirs.Contains($"ASC={sense.Asc:x2}, ASCQ={sense.Ascq:x2}", StringComparison.OrdinalIgnoreCase), $"no ASC/ASCQ in: {theirs}");
            if (line is not null)
            {
                var additional = line["Additional sense: ".Length..].Trim();
                Assert.Equal(additional, Table.Describe(sense.Asc, sense.Ascq));
                compared++;
            }

            if (!sense.DescriptorFormat && sense.Asc == 0x00 && sense.Ascq == 0x1d)
            {
                // SAT: with 00/1D the fixed-format information field carries ATA registers, which both decode as such.
                Assert.Contains($"error=0x{buffers[i][3]:x}, status=0x{buffers[i][4]:x}", theirs, StringComparison.Ordinal);
                continue;
            }

            var hex = sense.Information!.Value.ToString(sense.DescriptorFormat ? "x16" : "x", CultureInfo.InvariantCulture);
            Assert.True(theirs.Contains("0x" + hex, StringComparison.Ordinal), $"information 0x{hex} not in: {theirs}");
        }

        Assert.InRange(compared, 750, 763);
    }

    private static (string, int) RunBash(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var p = Process.Start(start)!;
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (output, p.ExitCode);
    }
}
