using HostDoc.Proc.Pid;

namespace HostDoc.Tasks;

/// <summary>A task seen in uninterruptible sleep (D) in every sample, with what it waits for.</summary>
/// <param name="Id">Which task.</param>
/// <param name="Comm">Command name.</param>
/// <param name="CommandLine">Arguments joined by spaces; empty for kernel threads or when unreadable.</param>
/// <param name="IsKernelThread">PF_KTHREAD.</param>
/// <param name="Frames">The kernel stack, innermost first; null when /proc/PID/stack could not be read (root only on most kernels).</param>
/// <param name="Wchan">The wait channel, when the kernel shows it.</param>
/// <param name="Class">The wait class.</param>
/// <param name="Site">The function that decided the class.</param>
/// <param name="BlockedSeconds">Seconds since it last ran (the scheduler clock now − its se.exec_start), when /proc/PID/sched has it.</param>
/// <param name="SeenSeconds">Seconds between the first and last sample that saw it in D.</param>
/// <param name="DidNotRun">True when its context-switch count did not change between samples.</param>
/// <param name="ReadBytes">/proc/PID/io read_bytes, when readable.</param>
/// <param name="WriteBytes">/proc/PID/io write_bytes, when readable.</param>
/// <param name="KernelReport">The kernel's own "blocked for more than" report for this task, when the log has one.</param>
/// <param name="Files">Its working directory, open files, mapped devices and mounts; null for kernel threads.</param>
/// <param name="Target">The filesystem and device it waits on, when that could be told (<see cref="WaitTargetResolver"/>).</param>
public sealed record StuckTask(
    TaskId Id, string Comm, string CommandLine, bool IsKernelThread, IReadOnlyList<StackFrame>? Frames, string? Wchan,
    WaitClass Class, string Site, double? BlockedSeconds, double SeenSeconds, bool DidNotRun, ulong? ReadBytes, ulong? WriteBytes,
    KernelLog.HungTaskReport? KernelReport = null, TaskFiles? Files = null, WaitTarget? Target = null)
{
    /// <summary>The longest time it is known to have been blocked.</summary>
    public double StuckForSeconds => Math.Max(BlockedSeconds ?? 0, SeenSeconds);

    /// <summary>What tasks with the same wait share: the stack, or the wait channel when there is no stack.</summary>
    public string Signature => Frames is { Count: > 0 } f ? string.Join('\n', f.Select(x => x.Function)) : "wchan:" + (Wchan ?? "?");
}
