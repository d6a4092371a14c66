namespace HostDoc.Sources;

/// <summary>
/// Unsigned arithmetic that stops at <see cref="ulong.MaxValue"/> instead of throwing. For sums and
/// products of kernel figures that no real machine makes large (a damaged tree can): the result
/// stays "more than anything", which every comparison downstream reads correctly.
/// </summary>
public static class Saturating
{
    /// <summary><paramref name="a"/> + <paramref name="b"/>, or <see cref="ulong.MaxValue"/>.</summary>
    public static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    /// <summary><paramref name="a"/> × <paramref name="b"/>, or <see cref="ulong.MaxValue"/>.</summary>
    public static ulong Multiply(ulong a, ulong b) => b != 0 && a > ulong.MaxValue / b ? ulong.MaxValue : a * b;

    /// <summary><paramref name="a"/> − <paramref name="b"/>, or 0 when <paramref name="b"/> is larger.</summary>
    public static ulong Subtract(ulong a, ulong b) => a > b ? a - b : 0;

    /// <summary>A double as a ulong, clamped to [0, <see cref="ulong.MaxValue"/>] (NaN is 0).</summary>
    public static ulong ToUInt64(double value) =>
        double.IsNaN(value) || value <= 0 ? 0 : value >= ulong.MaxValue ? ulong.MaxValue : (ulong)value;
}
