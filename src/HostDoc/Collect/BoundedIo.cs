namespace HostDoc.Collect;

/// <summary>
/// Runs each read of the live host with a deadline. A sysfs attribute of a wedged driver, /proc/PID/cmdline of a task
/// holding its mmap lock, a statvfs of a dead NFS server: the read blocks in the kernel and nothing can cancel it, so
/// it runs on a pool thread that is abandoned when the deadline passes, and collect goes on without it. After
/// <see cref="MaxAbandoned"/> such reads the host is too sick to read further and every later read is skipped at once.
/// </summary>
/// <param name="timeout">How long one read may take.</param>
public sealed class BoundedIo(TimeSpan timeout)
{
    /// <summary>How many hung reads collect leaves behind before it stops trying.</summary>
    public const int MaxAbandoned = 16;

    private int _abandoned;

    /// <summary>The deadline of one read.</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>How many reads did not answer in time.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    /// <summary>The answer of <paramref name="read"/>, or false when it did not come within the deadline.</summary>
    public bool TryRun<T>(Func<T> read, out T? result)
    {
        result = default;
        if (Abandoned >= MaxAbandoned)
        {
            return false;
        }

        var task = Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        if (!task.Wait(timeout))
        {
            Interlocked.Increment(ref _abandoned);
            return false;
        }

        if (task.Exception is { } failed)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.InnerException ?? failed);
        }

        result = task.Result;
        return true;
    }
}
