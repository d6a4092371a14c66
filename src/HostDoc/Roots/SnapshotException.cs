namespace HostDoc.Roots;

/// <summary>A snapshot archive that cannot be read (damaged, hostile or too large): its message is the one line the user sees.</summary>
public sealed class SnapshotException(string message) : Exception(message);
