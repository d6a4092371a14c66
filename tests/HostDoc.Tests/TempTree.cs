namespace HostDoc.Tests;

/// <summary>A throwaway tree for tests that need a file in a particular state; removed on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Dir = Path.Combine(Path.GetTempPath(), "hostdoc-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public HostRoot Root => HostRoot.At(Dir);

    public string Write(string kernelPath, string text)
    {
        var path = Dir + kernelPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void CopyFrom(string scenario, string kernelPath) => Write(kernelPath, Fixtures.Text(scenario, kernelPath));

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
