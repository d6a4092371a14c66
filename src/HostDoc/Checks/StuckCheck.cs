using System.Globalization;
using HostDoc.Findings;
using HostDoc.Tasks;

namespace HostDoc.Checks;

/// <summary>
/// Tasks that stay in uninterruptible sleep (D): where in the kernel they wait and for how long —
/// the journal, writeback, a lock, a dead NFS server or FUSE daemon. Samples a few times, since one
/// look cannot tell a stuck task from an ordinary disk read.
/// </summary>
public sealed class StuckCheck : ICheck
{
    /// <summary>Default number of samples for the check (hostdoc stuck takes more).</summary>
    public const int DefaultSamples = 3;

    /// <summary>Default seconds between samples for the check.</summary>
    public const double DefaultIntervalSeconds = 0.5;

    /// <inheritdoc />
    public string Name => "stuck";

    /// <inheritdoc />
    public string Description => "tasks stuck in uninterruptible sleep (D), their kernel wait site and how long";

    /// <inheritdoc />
    public IReadOnlyList<ThresholdSpec> Thresholds => [];

    /// <inheritdoc />
    public IReadOnlyList<CheckOption> Options { get; } =
    [
        new("samples", true, $"how many times to look at every task (default {DefaultSamples})"),
        new("interval", true, $"seconds between looks (default {DefaultIntervalSeconds})"),
    ];

    /// <inheritdoc />
    public bool CanBlock => true;   // /proc/PID/cmdline of a task stuck holding its mm lock blocks

    /// <inheritdoc />
    public IReadOnlyList<string> FindingIds { get; } = ["tasks.stuck-io", "tasks.hung-reported", "tasks.stack-unreadable"];

    /// <inheritdoc />
    public CheckResult Run(HostModel host, CheckSettings settings)
    {
        var samples = settings.Values("samples") is [var s, ..] && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultSamples;
        var interval = settings.Values("interval") is [var i, ..] && double.TryParse(i, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0 ? x : DefaultIntervalSeconds;
        var survey = host.Stuck(samples, TimeSpan.FromSeconds(interval));
        return Judge(survey);
    }

    /// <summary>Turns a survey into findings (public so `hostdoc stuck` and tests share it).</summary>
    public CheckResult Judge(StuckSurvey survey)
    {
        var findings = new List<Finding>();
        foreach (var group in survey.Groups)
        {
            findings.Add(StuckFindings.Group(group.ToArray(), survey));
        }

        if (findings.Count == 0)
        {
            findings.Add(StuckFindings.None(survey));
        }

        if (survey.EarlierReports.Count > 0)
        {
            findings.Add(StuckFindings.ReportedEarlier(survey));
        }

        if (survey.StacksUnreadable)
        {
            findings.Add(StuckFindings.StackUnreadable());
        }

        var measurements = new List<Measurement>
        {
            new("stuck_tasks", survey.Stuck.Count, "", Min: 0),
            new("d_state_tasks", survey.InDNow, "", Min: 0),
        };
        if (survey.Load is { } load)
        {
            measurements.Add(new Measurement("load1", load.One, "", Min: 0));
        }

        if (survey.Io is { } io)
        {
            measurements.Add(new Measurement("io_pressure_some_avg60", io.Some.Avg60, "%", Min: 0, Max: 100));
        }

        return new CheckResult(Name, findings, measurements, survey.Problems);
    }
}
