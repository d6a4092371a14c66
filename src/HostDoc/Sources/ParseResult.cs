namespace HostDoc.Sources;

/// <summary>
/// What a pure parser returns: the value built from every line that parsed (a partly malformed
/// file still yields what parsed) and the errors for the lines that did not.
/// </summary>
/// <typeparam name="T">The parsed record.</typeparam>
/// <param name="Value">The (possibly partial) value.</param>
/// <param name="Errors">One entry per line that could not be parsed; empty on success.</param>
public sealed record ParseResult<T>(T Value, IReadOnlyList<ParseError> Errors)
{
    /// <summary>True when every line parsed.</summary>
    public bool Success => Errors.Count == 0;
}
