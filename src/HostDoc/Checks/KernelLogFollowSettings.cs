using HostDoc.KernelLog.Reading;

namespace HostDoc.Checks;

/// <summary>How <see cref="KernelLogFollowing"/> runs.</summary>
/// <param name="StatePath">The state file (its lock is beside it, with <c>.lock</c> appended).</param>
/// <param name="Logs">Log files to follow (kernel paths, under the host root); empty: the host's own log.</param>
/// <param name="Sticky">How long an incident stays in the result after a run last saw it; zero: only this run's.</param>
/// <param name="FirstRunAll">Without state: judge all the log holds (true) or start from its end (false).</param>
/// <param name="Since">Judge only incidents last seen this recently.</param>
/// <param name="LockWait">How long to wait for another run holding the state.</param>
public sealed record KernelLogFollowSettings(string StatePath, IReadOnlyList<string> Logs, TimeSpan Sticky, bool FirstRunAll, LogTimeBound? Since, TimeSpan LockWait);
