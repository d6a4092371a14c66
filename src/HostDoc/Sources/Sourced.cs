namespace HostDoc.Sources;

/// <summary>
/// A value read from the host together with what went wrong reading it. A source that could not
/// be read at all has no value and one problem; a partly malformed one has a partial value and
/// the problems of the lines it skipped.
/// </summary>
/// <typeparam name="T">The model record.</typeparam>
public sealed class Sourced<T>
    where T : class
{
    private Sourced(T? value, IReadOnlyList<SourceProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value, or null when the source could not be read.</summary>
    public T? Value { get; }

    /// <summary>Problems met while reading or parsing; empty when all went well.</summary>
    public IReadOnlyList<SourceProblem> Problems { get; }

    /// <summary>
    /// The problems of a file that may be absent on this host (sockstat6, tcp6 and snmp6 without IPv6): none when it is
    /// simply missing, the problems otherwise.
    /// </summary>
    public IReadOnlyList<SourceProblem> ProblemsUnlessMissing => Value is null && Problems is [{ Kind: ProblemKind.Missing }] ? [] : Problems;

    /// <summary>True when the value is present and nothing went wrong.</summary>
    public bool IsClean => Value is not null && Problems.Count == 0;

    /// <summary>A value read cleanly.</summary>
    public static Sourced<T> Of(T value) => new(value, []);

    /// <summary>A value with the problems met along the way (a partial result).</summary>
    public static Sourced<T> Partial(T value, IReadOnlyList<SourceProblem> problems) => new(value, problems);

    /// <summary>No value: the source was unavailable or unusable.</summary>
    public static Sourced<T> Failed(SourceProblem problem) => new(null, [problem]);

    /// <summary>No value, for several reasons.</summary>
    public static Sourced<T> Failed(IReadOnlyList<SourceProblem> problems) => new(null, problems);

    /// <summary>Wraps a parse result read from <paramref name="path"/>.</summary>
    public static Sourced<T> FromParse(string path, ParseResult<T> result) =>
        result.Success
            ? Of(result.Value)
            : Partial(result.Value, result.Errors.Select(e => SourceProblem.FromParse(path, e)).ToArray());

    /// <summary>Maps the value, keeping the problems.</summary>
    public Sourced<TOut> Map<TOut>(Func<T, TOut> map)
        where TOut : class =>
        Value is null ? Sourced<TOut>.Failed(Problems) : Sourced<TOut>.Partial(map(Value), Problems);
}
