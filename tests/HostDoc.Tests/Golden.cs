namespace HostDoc.Tests;

/// <summary>
/// Golden files for output contracts under tests/golden/. A mismatch fails; the files are
/// rewritten only when HOSTDOC_UPDATE_GOLDEN=1 is set (the explicit switch), and then reviewed
/// in the diff.
/// </summary>
internal static class Golden
{
    public static void Assert(string name, string actual)
    {
        var path = Path.Combine(Fixtures.RepoRoot, "tests", "golden", name);
        if (Environment.GetEnvironmentVariable("HOSTDOC_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"golden file {path} is missing: run with HOSTDOC_UPDATE_GOLDEN=1 once and review it");
        Xunit.Assert.Equal(File.ReadAllText(path), actual);
    }
}
