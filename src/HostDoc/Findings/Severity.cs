namespace HostDoc.Findings;

/// <summary>How bad a finding is. Declared from best to worst for a report; see <see cref="SeverityExtensions"/> for Nagios.</summary>
public enum Severity
{
    /// <summary>Looked at and fine.</summary>
    Ok,
    /// <summary>Worth knowing; no action needed now.</summary>
    Info,
    /// <summary>Act soon.</summary>
    Warning,
    /// <summary>Act now.</summary>
    Critical,
    /// <summary>Could not be decided (a source was unreadable or malformed).</summary>
    Unknown,
}
