namespace HostDoc.Collect;

/// <summary>What <c>hostdoc collect</c> was asked for.</summary>
/// <param name="Output">The archive to write (<c>-</c> for standard output).</param>
/// <param name="Redact">Replace identifying values by pseudonyms.</param>
/// <param name="MaxBytes">The budget for file contents (<c>--max-size</c>); log tails get what is left.</param>
/// <param name="IncludeLogs">How far back the log files' tails go (<c>--include-logs</c>).</param>
/// <param name="Timeout">How long one read of the host may take before it is skipped.</param>
public sealed record CollectOptions(string Output, bool Redact, long MaxBytes, TimeSpan IncludeLogs, TimeSpan Timeout)
{
    /// <summary>The default budget: 256 MiB, far above what a host's kernel files take (a few MB).</summary>
    public const long DefaultMaxBytes = 256L << 20;

    /// <summary>The default log window: a day.</summary>
    public static readonly TimeSpan DefaultIncludeLogs = TimeSpan.FromDays(1);

    /// <summary>The default deadline of one read.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);
}
