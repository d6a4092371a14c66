using HostDoc.KernelLog.Incidents;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog;

/// <summary>What reading one or more kernel logs gave: the incidents, and what was read and skipped.</summary>
/// <param name="Incidents">The incidents, worst first.</param>
/// <param name="Sources">The inputs read, in order.</param>
/// <param name="Counts">Bytes and lines read, lines skipped.</param>
/// <param name="Boots">Boot banners seen.</param>
/// <param name="Problems">Inputs that could not be read, one line each (what, where, why).</param>
/// <param name="Hosts">The host names on the log's lines, sorted (empty for a log without them).</param>
public sealed record KernelLogAnalysis(
    IReadOnlyList<Incident> Incidents, IReadOnlyList<string> Sources, ScanCounts Counts, int Boots, IReadOnlyList<string> Problems,
    IReadOnlyList<string> Hosts)
{
    /// <summary>True when the log holds lines of more than one host (a central syslog server's): incidents then name their host.</summary>
    public bool ManyHosts => Hosts.Count > 1;
}
