namespace HostDoc.Proc.Pid;

/// <summary>One frame of /proc/PID/stack: <c>[&lt;ffffffffa00144c8&gt;] __jbd2_log_wait_for_space+0xc8/0x1b0 [jbd2]</c>.</summary>
/// <param name="Function">The kernel function.</param>
/// <param name="Offset">The offset/size part (<c>0xc8/0x1b0</c>), or empty.</param>
/// <param name="Module">The module in brackets (<c>jbd2</c>), or null for the core kernel.</param>
public sealed record StackFrame(string Function, string Offset, string? Module)
{
    /// <inheritdoc />
    public override string ToString() =>
        (Offset.Length > 0 ? $"{Function}+{Offset}" : Function) + (Module is null ? "" : $" [{Module}]");
}
