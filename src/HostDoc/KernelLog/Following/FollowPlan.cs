namespace HostDoc.KernelLog.Following;

/// <summary>What to read of one log this run, where the next run starts, and whether the trail was lost; holds the files open until disposed.</summary>
/// <param name="Segments">The bytes to read, oldest first.</param>
/// <param name="Next">The position once they are read.</param>
/// <param name="Lost">Set when the file of the last run's position could not be found: what was lost, in a sentence.</param>
/// <param name="Handles">Every file the plan looked at, open.</param>
public sealed record FollowPlan(IReadOnlyList<FileSegment> Segments, FilePosition Next, string? Lost, IReadOnlyList<Microsoft.Win32.SafeHandles.SafeFileHandle> Handles) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var handle in Handles)
        {
            handle.Dispose();
        }
    }
}
