using HostDoc.Findings;

namespace HostDoc.Checks.CheckDisk;

/// <summary>
/// The thresholds in force when a path was selected (check_disk binds them positionally). Free
/// thresholds are check_disk's "@0:N" ranges: alert when the free value is at most N.
/// </summary>
/// <param name="FreeUnitsWarning">-w N: free space in units.</param>
/// <param name="FreeUnitsCritical">-c N.</param>
/// <param name="FreePercentWarning">-w N%: free space in percent.</param>
/// <param name="FreePercentCritical">-c N%.</param>
/// <param name="FreeInodesWarning">-W N[%]: free inodes in percent.</param>
/// <param name="FreeInodesCritical">-K N[%].</param>
/// <param name="UsedPercentWarning">Positional W: used space percent (alert above).</param>
/// <param name="UsedPercentCritical">Positional C.</param>
public sealed record CheckDiskThresholds(
    NagiosRange? FreeUnitsWarning = null,
    NagiosRange? FreeUnitsCritical = null,
    NagiosRange? FreePercentWarning = null,
    NagiosRange? FreePercentCritical = null,
    NagiosRange? FreeInodesWarning = null,
    NagiosRange? FreeInodesCritical = null,
    NagiosRange? UsedPercentWarning = null,
    NagiosRange? UsedPercentCritical = null)
{
    /// <summary>True when any threshold is set (check_disk requires one before -p, -r, -R, -A).</summary>
    public bool Any => this != new CheckDiskThresholds();
}
