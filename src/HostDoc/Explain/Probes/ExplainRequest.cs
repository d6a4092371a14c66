namespace HostDoc.Explain.Probes;

/// <summary>What the user gave besides the error: the path it was about, the process, the call, a size (a tmpfs remount).</summary>
/// <param name="Errno">The errno name (EMFILE), or the topic (rsync, affinity).</param>
/// <param name="Path">The path the failing call was given (absolute, or relative to the working directory on a live host), or null.</param>
/// <param name="Pid">The process that got the error, or null.</param>
/// <param name="Syscall">The system call, normalised (<c>mkdir</c> for mkdirat), or null.</param>
/// <param name="Size">The size= a remount asked for, or null.</param>
public sealed record ExplainRequest(string Errno, string? Path, int? Pid, string? Syscall, string? Size);
