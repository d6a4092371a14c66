using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>One threshold a check accepts: its key, what it measures, and its default ranges.</summary>
/// <param name="Key">Key used on the command line (<c>--KEY-warning</c>); the first spec of a check also takes <c>-w</c>/<c>-c</c>.</param>
/// <param name="Description">What the value is and in which unit, for --help.</param>
/// <param name="DefaultWarning">The warning range used when none is given, or null when the check derives it (said in the description).</param>
/// <param name="DefaultCritical">The critical range used when none is given.</param>
public sealed record ThresholdSpec(string Key, string Description, NagiosRange? DefaultWarning, NagiosRange? DefaultCritical)
{
    /// <summary>Creates a spec from range texts that are known to be valid.</summary>
    public static ThresholdSpec Of(string key, string description, string? warning, string? critical) =>
        new(key, description, ParseDefault(warning), ParseDefault(critical));

    private static NagiosRange? ParseDefault(string? text) =>
        text is null ? null
        : NagiosRange.TryParse(text, out var range, out var error) ? range
        : throw new ArgumentException($"invalid default range \"{text}\": {error}", nameof(text));
}
