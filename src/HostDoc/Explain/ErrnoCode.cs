namespace HostDoc.Explain;

/// <summary>An errno: its number, its name as the headers spell it, the other names of that number, and strerror's text.</summary>
/// <param name="Number">The value (17).</param>
/// <param name="Name">The first name of the number (EEXIST; EAGAIN before EWOULDBLOCK).</param>
/// <param name="Aliases">Other names of the same number.</param>
/// <param name="Message">glibc's strerror() text ("File exists").</param>
public sealed record ErrnoCode(int Number, string Name, IReadOnlyList<string> Aliases, string Message);
