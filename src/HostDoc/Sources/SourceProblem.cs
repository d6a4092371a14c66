namespace HostDoc.Sources;

/// <summary>Why a kernel source gave no (or only a partial) answer.</summary>
public enum ProblemKind
{
    /// <summary>The file does not exist on this kernel or in this tree.</summary>
    Missing,
    /// <summary>The file exists but this user may not read it (e.g. /proc/PID/stack as non-root).</summary>
    PermissionDenied,
    /// <summary>The process behind a /proc/PID path exited between listing and reading.</summary>
    Vanished,
    /// <summary>The file is larger than the cap for its kind.</summary>
    TooLarge,
    /// <summary>Any other read error.</summary>
    IoError,
    /// <summary>The source did not answer in time (a hung NFS server, a FUSE daemon that stopped).</summary>
    Timeout,
    /// <summary>The text was read but does not have the structure the kernel documents.</summary>
    Malformed,
}

/// <summary>
/// One problem with one source, worded as a single line that says what, where and why:
/// <c>/proc/meminfo line 3: expected "Name: number [kB]", found "MemFree 12"</c>.
/// </summary>
/// <param name="Path">The kernel path (as on a live host, e.g. <c>/proc/meminfo</c>).</param>
/// <param name="Kind">The class of problem.</param>
/// <param name="Message">What went wrong, without the path.</param>
/// <param name="Line">The 1-based line for a malformed file, when known.</param>
/// <param name="Field">The field a malformed line was for, when known, so a consumer can tell whether it is affected.</param>
public sealed record SourceProblem(string Path, ProblemKind Kind, string Message, int? Line = null, string? Field = null)
{
    /// <summary>Builds the problem for a parse error in <paramref name="path"/>.</summary>
    public static SourceProblem FromParse(string path, ParseError error) =>
        new(path, ProblemKind.Malformed, error.Describe(), error.Line, error.Key);

    /// <inheritdoc />
    public override string ToString() =>
        Line is { } line ? $"{Path} line {line}: {Message}" : $"{Path}: {Message}";
}
