using System.Globalization;

namespace HostDoc.Findings;

/// <summary>A typed value of a finding's <see cref="DataField"/>: written to JSON as a string, a number or a boolean, never as display text.</summary>
public abstract record DataValue
{
    /// <summary>The value as a person reads it (for tests and the text report).</summary>
    public abstract string Text { get; }
}

/// <summary>A string value.</summary>
/// <param name="Value">The string.</param>
public sealed record DataText(string Value) : DataValue
{
    /// <inheritdoc/>
    public override string Text => Value;
}

/// <summary>A signed integer value.</summary>
/// <param name="Value">The number.</param>
public sealed record DataInteger(long Value) : DataValue
{
    /// <inheritdoc/>
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An unsigned integer value.</summary>
/// <param name="Value">The number.</param>
public sealed record DataUnsigned(ulong Value) : DataValue
{
    /// <inheritdoc/>
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A real value.</summary>
/// <param name="Value">The number (finite).</param>
public sealed record DataReal(double Value) : DataValue
{
    /// <inheritdoc/>
    public override string Text => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A boolean value.</summary>
/// <param name="Value">The flag.</param>
public sealed record DataFlag(bool Value) : DataValue
{
    /// <inheritdoc/>
    public override string Text => Value ? "true" : "false";
}

/// <summary>Named counts (what a link suffered, how many times): a JSON object of integers.</summary>
/// <param name="Values">The counts by name.</param>
public sealed record DataCounts(IReadOnlyList<KeyValuePair<string, long>> Values) : DataValue
{
    /// <inheritdoc/>
    public override string Text => string.Join(", ", Values.Select(v => $"{v.Key} {v.Value.ToString(CultureInfo.InvariantCulture)}"));
}
