using System.Globalization;
using CsCheck;
using HostDoc.Cpus;
using HostDoc.Findings;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Reading;
using HostDoc.Tests.KernelLog;
using Xunit;

namespace HostDoc.Tests.Properties;

/// <summary>
/// Properties over generated values (CsCheck: random cases, shrunk to the smallest failing one):
/// the parse/format pairs round-trip, the range syntax means what the plugin guidelines define, the
/// decoders give back the fields that were encoded, and the log envelope parser takes any string.
/// </summary>
public sealed class PropertyTests
{
    private static readonly Gen<int[]> CpuSets = Gen.Int[0, CpuList.MaxCpus - 1].Array[0, 64];

    [Fact]
    public void A_cpu_list_formats_to_text_that_parses_back_to_it() =>
        CpuSets.Sample(cpus =>
        {
            var list = CpuList.Of(cpus);
            Assert.True(CpuList.TryParse(list.ToString(), out var back, out var error), error);
            Assert.Equal(cpus.Distinct().Order(), back.Cpus);
        }, iter: 2000);

    [Fact]
    public void A_cpu_mask_formats_to_hex_that_parses_back_to_it() =>
        Gen.Int[0, 1023].Array[0, 32].Sample(cpus =>
        {
            var list = CpuList.Of(cpus);
            Assert.True(CpuList.TryParseMask(list.ToMask(1024), out var back, out var error), error);
            Assert.Equal(list, back);
        }, iter: 1000);

    [Fact]
    public void A_stride_range_holds_every_step_and_nothing_else() =>
        Gen.Select(Gen.Int[0, 4000], Gen.Int[0, 200], Gen.Int[1, 9], Gen.Int[1, 9]).Sample((first, span, used, step) =>
        {
            var last = first + span;
            var used2 = Math.Min(used, step);
            var text = string.Create(CultureInfo.InvariantCulture, $"{first}-{last}:{used2}/{step}");
            Assert.True(CpuList.TryParse(text, out var list, out var error), $"{text}: {error}");
            var expected = Enumerable.Range(first, span + 1).Where(c => (c - first) % step < used2);
            Assert.Equal(expected, list.Cpus);
        }, iter: 1000);

    /// <summary>The guidelines' semantics, written from their definition: outside [start, end] alerts, '@' inverts, ends inclusive.</summary>
    private static bool ReferenceAlerts(double? start, double? end, bool inside, double value)
    {
        var low = start ?? double.NegativeInfinity;
        var high = end ?? double.PositiveInfinity;
        var within = value >= low && value <= high;
        return inside ? within : !within;
    }

    [Fact]
    public void A_range_alerts_as_the_plugin_guidelines_define() =>
        Gen.Select(Gen.Int[-1000, 1000].Nullable(), Gen.Int[0, 2000].Nullable(), Gen.Bool, Gen.Int[-3000, 3000]).Sample((start, length, inside, value) =>
        {
            var end = start is { } s && length is { } l ? s + l : length;
            // start absent: "~:end" (minus infinity) or just "end" (from 0) when end is given.
            var (text, effectiveStart) = (start, end) switch
            {
                (null, null) => ("~:", (double?)null),
                (null, { } e) => (value % 2 == 0 ? $"~:{e}" : $"{e}", value % 2 == 0 ? null : 0),
                ({ } s2, null) => ($"{s2}:", s2),
                ({ } s2, { } e) => ($"{s2}:{e}", s2),
            };
            text = (inside ? "@" : "") + text;
            Assert.True(NagiosRange.TryParse(text, out var range, out var error), $"{text}: {error}");
            Assert.Equal(ReferenceAlerts(effectiveStart, end, inside, value), range.Alerts(value));
        }, iter: 5000);

    [Fact]
    public void Descriptor_sense_decodes_to_the_fields_encoded() =>
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 255], Gen.Int[0, 255], Gen.ULong).Sample((key, asc, ascq, info) =>
        {
            var sense = SenseData.Decode(SenseBuffers.Descriptor(key, asc, ascq, info));
            Assert.NotNull(sense);
            Assert.Equal((key, asc, ascq, info), (sense.SenseKey, sense.Asc, sense.Ascq, sense.Information));
            Assert.True(sense.DescriptorFormat);
        }, iter: 2000);

    [Fact]
    public void Fixed_sense_decodes_to_the_fields_encoded() =>
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 255], Gen.Int[0, 255], Gen.UInt).Sample((key, asc, ascq, info) =>
        {
            var sense = SenseData.Decode(SenseBuffers.Fixed(key, asc, ascq, info));
            Assert.NotNull(sense);
            Assert.Equal((key, asc, ascq, (ulong?)info), (sense.SenseKey, sense.Asc, sense.Ascq, sense.Information));
            Assert.False(sense.DescriptorFormat);
        }, iter: 2000);

    [Fact]
    public void Any_sense_bytes_decode_or_are_refused_without_an_exception() =>
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            if (SenseData.Decode(bytes) is { } sense)
            {
                HostDoc.Output.SenseWriter.Write(TextWriter.Null, sense, AscAscqTable.Load());
            }
        }, iter: 5000);

    [Fact]
    public void A_48_bit_taskfile_decodes_to_the_lba_and_count_encoded() =>
        Gen.Select(Gen.ULong[0, (1UL << 48) - 1], Gen.Int[1, 65535]).Sample((lba, count) =>
        {
            // READ DMA EXT (0x25) as libata prints it: cmd CMD/FEAT:COUNT:LBAL:LBAM:LBAH/HFEAT:HCOUNT:HLBAL:HLBAM:HLBAH/DEV
            byte B(int shift) => (byte)((lba >> shift) & 0xff);
            var text = string.Create(CultureInfo.InvariantCulture,
                $"ata6.00: cmd 25/00:{count & 0xff:x2}:{B(0):x2}:{B(8):x2}:{B(16):x2}/00:{count >> 8:x2}:{B(24):x2}:{B(32):x2}:{B(40):x2}/e0 tag 0 dma 4096 in");
            var taskfile = AtaTaskfile.Find(text);
            Assert.NotNull(taskfile);
            Assert.Equal((lba, count), (taskfile.Lba, taskfile.Sectors));
        }, iter: 2000);

    [Fact]
    public void A_28_bit_taskfile_decodes_to_the_lba_and_count_encoded() =>
        Gen.Select(Gen.UInt[0, (1U << 28) - 1], Gen.Int[1, 256]).Sample((lba, count) =>
        {
            // READ DMA (0xc8): the top four LBA bits live in the device register.
            var text = string.Create(CultureInfo.InvariantCulture,
                $"cmd c8/00:{count & 0xff:x2}:{lba & 0xff:x2}:{(lba >> 8) & 0xff:x2}:{(lba >> 16) & 0xff:x2}/00:00:00:00:00/{0xe0 | (lba >> 24):x2} tag 0 dma 4096 in");
            var taskfile = AtaTaskfile.Find(text);
            Assert.NotNull(taskfile);
            Assert.Equal(((ulong)lba, count), (taskfile.Lba, taskfile.Sectors));
        }, iter: 2000);

    private static readonly Gen<string> LogLike = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["[]0123456789.:<>- TZ+kernel"], 0, 80],
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 999_999], Gen.String).Select((s, us, m) => string.Create(CultureInfo.InvariantCulture, $"[{s,5}.{us:000000}] {m}")),
        Gen.Select(Gen.Int[1, 12], Gen.Int[0, 40], Gen.String).Select((mo, d, m) => string.Create(CultureInfo.InvariantCulture, $"{CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[mo - 1]} {d,2} 13:27:44 host kernel: {m}")),
        Gen.Select(Gen.Int[0, 7], Gen.ULong, Gen.ULong, Gen.String).Select((p, seq, us, m) => string.Create(CultureInfo.InvariantCulture, $"{p},{seq},{us},-;{m}")),
        Gen.String.Select(m => "{\"MESSAGE\":\"" + m + "\",\"PRIORITY\":\"3\",\"__REALTIME_TIMESTAMP\":\"" + m.Length + "\"}"));

    [Fact]
    public void The_envelope_parser_takes_any_string() =>
        LogLike.Sample(line =>
        {
            _ = LogEnvelopeParser.Parse(line);
            _ = LogEnvelopeParser.SplitTorn(line);
            _ = JournalJsonLine.Parse(line);
            _ = KmsgRecord.TryParse(line);
        }, iter: 20_000);
}
