using HostDoc.Cli;

namespace HostDoc.Tests.Cli;

/// <summary>Runs the whole CLI in-process on string writers.</summary>
internal sealed record CliRun(int Code, string Out, string Error)
{
    public static CliRun Of(params string[] args) => With(terminal: false, environment: _ => null, args);

    public static CliRun With(bool terminal, Func<string, string?> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr, terminal, environment, new FixedClock());
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with the clock at <paramref name="now"/>.</summary>
    public static CliRun At(DateTimeOffset now, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr, false, _ => null, new ClockAt(now));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private sealed class ClockAt(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static string Tree(string scenario) => Fixtures.Dir(scenario);
}
