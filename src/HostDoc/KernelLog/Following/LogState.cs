namespace HostDoc.KernelLog.Following;

/// <summary>
/// What <c>hostdoc check kernel-log --state FILE</c> remembers between runs: where each log was read
/// to, and the incidents reported recently enough to stay sticky. Written as JSON by <see cref="StateFile"/>.
/// </summary>
/// <param name="Kmsg">The /dev/kmsg position, when the host's ring buffer is read.</param>
/// <param name="Files">The position in each log file named.</param>
/// <param name="Reported">Incidents still inside their sticky time.</param>
public sealed record LogState(KmsgPosition? Kmsg, IReadOnlyList<FilePosition> Files, IReadOnlyList<ReportedIncident> Reported)
{
    /// <summary>The schema name written in the file; another version is refused, not guessed at.</summary>
    public const string Schema = "hostdoc.log-state/1";

    /// <summary>No state: a first run.</summary>
    public static LogState Empty { get; } = new(null, [], []);
}
