namespace HostDoc.Findings;

/// <summary>Collects a finding's <see cref="DataField"/>s in order; a name is kept once (the first value set wins), a null value is left out.</summary>
public sealed class FindingData
{
    private readonly List<DataField> fields = [];

    /// <summary>The fields so far.</summary>
    public IReadOnlyList<DataField> Fields => fields;

    /// <summary>The text of <paramref name="name"/>'s value in <paramref name="fields"/>, or null.</summary>
    public static string? TextOf(IReadOnlyList<DataField>? fields, string name) => fields?.FirstOrDefault(f => f.Name == name)?.Value.Text;

    /// <summary>The text of <paramref name="name"/>'s value so far, or null.</summary>
    public string? Text(string name) => TextOf(fields, name);

    /// <summary>Sets <paramref name="name"/> unless it is set already or <paramref name="value"/> is null; returns this.</summary>
    public FindingData Set(string name, DataValue? value)
    {
        if (value is not null && (value is not DataText { Value.Length: 0 }) && !fields.Exists(f => f.Name == name))
        {
            fields.Add(new DataField(name, value));
        }

        return this;
    }

    /// <summary>Sets a string field (null leaves it out).</summary>
    public FindingData Set(string name, string? value) => Set(name, value is null ? null : new DataText(value));

    /// <summary>Sets an integer field (null leaves it out).</summary>
    public FindingData Set(string name, long? value) => Set(name, value is { } v ? new DataInteger(v) : null);

    /// <summary>Sets an unsigned field (null leaves it out).</summary>
    public FindingData Set(string name, ulong? value) => Set(name, value is { } v ? new DataUnsigned(v) : null);

    /// <summary>Sets a real field (null or not finite leaves it out).</summary>
    public FindingData Set(string name, double? value) => Set(name, value is { } v && double.IsFinite(v) ? new DataReal(v) : null);

    /// <summary>Sets a boolean field (null leaves it out).</summary>
    public FindingData Set(string name, bool? value) => Set(name, value is { } v ? new DataFlag(v) : null);

    /// <summary>Replaces <paramref name="name"/>'s value (or adds it).</summary>
    public FindingData Replace(string name, DataValue value)
    {
        fields.RemoveAll(f => f.Name == name);
        fields.Add(new DataField(name, value));
        return this;
    }
}
