using System.Globalization;

namespace HostDoc.Sources;

/// <summary>Number parsing as the kernel prints numbers: decimal, no sign, no grouping, invariant.</summary>
public static class KernelNumber
{
    /// <summary>Parses an unsigned decimal such as <c>24684092</c>.</summary>
    public static bool TryParseUnsigned(ReadOnlySpan<char> text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a signed decimal such as <c>-1</c> (some sysctls print one).</summary>
    public static bool TryParseSigned(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>A parsed number as an int; null when it does not fit (a damaged file or line, not a value the kernel prints).</summary>
    public static int? AsInt32(ulong? value) => value <= int.MaxValue ? (int)value.Value : null;

    /// <summary>A parsed number as a 32-bit word; null when it does not fit.</summary>
    public static uint? AsUInt32(ulong? value) => value <= uint.MaxValue ? (uint)value.Value : null;
}
