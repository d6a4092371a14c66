using HostDoc.Checks;
using Xunit;

namespace HostDoc.Tests;

/// <summary>Where the fixture trees and golden files live, found from the test binary upwards.</summary>
internal static class Fixtures
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Dir(string scenario) => Path.Combine(RepoRoot, "tests", "fixtures", scenario);

    public static HostRoot Root(string scenario) => HostRoot.At(Dir(scenario));

    public static HostModel Host(string scenario) => new(Root(scenario), new FixedClock());

    public static string Text(string scenario, string kernelPath) =>
        File.ReadAllText(Dir(scenario) + kernelPath);

    /// <summary>The captured trees every parser and check must handle.</summary>
    public static TheoryData<string> Trees => new() { "vm-6.18-idle", "vm-6.18-dirty-burst", "node-exporter-1.5.0", "malformed-meminfo" };

    public static CheckResult Run(string scenario, string check, CheckSettings? settings = null) =>
        RunOn(Root(scenario), check, settings);

    public static CheckResult RunOn(HostRoot root, string check, CheckSettings? settings = null) =>
        new CheckCatalog().Find(check)!.Run(new HostModel(root, new FixedClock()), settings ?? CheckSettings.Defaults);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "hostdoc.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("hostdoc.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A clock stopped at one instant, so reports are repeatable.</summary>
internal sealed class FixedClock() : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Instant;
}
