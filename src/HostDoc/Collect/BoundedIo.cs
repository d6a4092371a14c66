using System.Runtime.ExceptionServices;

namespace HostDoc.Collect;

/// <summary>
/// Runs each read of the live host with a deadline. A sysfs attribute of a wedged driver, /proc/PID/cmdline of a task
/// holding its mmap lock, a FIFO or a dead NFS server: the read blocks in the kernel and nothing can cancel it, so reads
/// run on a worker thread of this class's own (never the thread pool, whose queue a few blocked reads would stall into
/// false timeouts), which is abandoned when the deadline passes; the next read gets a new worker. After
/// <see cref="MaxAbandoned"/> such reads the host is too sick to read further and every later read is skipped at once.
/// </summary>
/// <param name="timeout">How long one read may take.</param>
public sealed class BoundedIo(TimeSpan timeout) : IDisposable
{
    /// <summary>How many hung reads collect leaves behind before it stops trying.</summary>
    public const int MaxAbandoned = 16;

    private Worker? _worker;
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

        var worker = _worker ??= new Worker();
        if (!worker.Run(() => read(), timeout, out var answer, out var failure))
        {
            _worker = null;   // left blocked in the kernel; it ends when the read does, or with the process
            Interlocked.Increment(ref _abandoned);
            return false;
        }

        failure?.Throw();
        result = (T?)answer;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _worker?.Stop();
        _worker = null;
    }

    /// <summary>One background thread that runs one job at a time (handed over under a monitor: nothing to dispose when it is abandoned).</summary>
    private sealed class Worker
    {
        private readonly object _gate = new();
        private Func<object?>? _job;
        private bool _pending;
        private bool _done;
        private bool _stopping;
        private object? _answer;
        private ExceptionDispatchInfo? _failure;

        public Worker() => new Thread(Loop) { IsBackground = true, Name = "hostdoc collect read" }.Start();

        public bool Run(Func<object?> job, TimeSpan timeout, out object? answer, out ExceptionDispatchInfo? failure)
        {
            (answer, failure) = (null, null);
            var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            lock (_gate)
            {
                (_job, _pending, _done) = (job, true, false);
                Monitor.PulseAll(_gate);
                while (!_done)
                {
                    var left = deadline - Environment.TickCount64;
                    if (left <= 0 || !Monitor.Wait(_gate, TimeSpan.FromMilliseconds(left)) && !_done)
                    {
                        return false;
                    }
                }

                (answer, failure) = (_answer, _failure);
                return true;
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopping = true;
                Monitor.PulseAll(_gate);
            }
        }

        private void Loop()
        {
            while (true)
            {
                Func<object?> job;
                lock (_gate)
                {
                    while (!_pending && !_stopping)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopping)
                    {
                        return;
                    }

                    _pending = false;
                    job = _job!;
                }

                object? answer = null;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    answer = job();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }

                lock (_gate)
                {
                    (_answer, _failure, _done) = (answer, failure, true);
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
