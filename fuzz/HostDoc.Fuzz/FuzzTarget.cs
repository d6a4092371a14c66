namespace HostDoc.Fuzz;

/// <summary>
/// One fuzz harness: a name (the corpus folder under <c>fuzz/corpus/</c>), what it exercises, and the
/// function that feeds one input to it. Any exception out of <see cref="Run"/> is a crash: every
/// parser and decoder must turn bad input into a value or a problem, never an exception.
/// </summary>
/// <param name="Name">The harness name, also the corpus folder.</param>
/// <param name="Exercises">What the harness feeds its input to.</param>
/// <param name="Run">Feeds one input.</param>
public sealed record FuzzTarget(string Name, string Exercises, Action<byte[]> Run);
