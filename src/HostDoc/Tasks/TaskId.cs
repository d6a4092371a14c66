namespace HostDoc.Tasks;

/// <summary>A thread, identified across samples: pid and tid, plus its start time so a reused id is not taken for the same task.</summary>
/// <param name="Pid">Thread group (process) id.</param>
/// <param name="Tid">Thread id.</param>
/// <param name="StartTicks">Start time in clock ticks after boot.</param>
public readonly record struct TaskId(int Pid, int Tid, ulong StartTicks);
