using HostDoc.Findings;

namespace HostDoc.KernelLog.Following;

/// <summary>An incident an earlier run reported, kept so it stays in the result for the sticky time after it was last seen.</summary>
/// <param name="Id">The finding id (<c>log.disk-media-error</c>).</param>
/// <param name="Subject">Its subject (the device, process or port).</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Summary">Its one-line summary as first reported.</param>
/// <param name="LastSeen">When a run last consumed a line of it (UTC).</param>
public sealed record ReportedIncident(string Id, string Subject, Severity Severity, string Summary, DateTimeOffset LastSeen)
{
    /// <summary>What identifies the incident across runs.</summary>
    public (string, string) Key => (Id, Subject);
}
