using HostDoc.Findings;

namespace HostDoc.Checks;

/// <summary>The thresholds a user set for one run, by spec key; everything else takes the defaults.</summary>
public sealed class CheckSettings
{
    private readonly IReadOnlyDictionary<string, NagiosRange> _warnings;
    private readonly IReadOnlyDictionary<string, NagiosRange> _criticals;

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _values;

    /// <summary>Creates settings from the ranges given by key and the check's own option values by name (flags have the value "").</summary>
    public CheckSettings(
        IReadOnlyDictionary<string, NagiosRange> warnings,
        IReadOnlyDictionary<string, NagiosRange> criticals,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? values = null)
    {
        _warnings = warnings;
        _criticals = criticals;
        _values = values ?? new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>The values given for option <paramref name="name"/>, in order; empty when not given.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>True when flag or option <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>No overrides: every check runs with its defaults (what <c>hostdoc report</c> uses).</summary>
    public static CheckSettings Defaults { get; } =
        new(new Dictionary<string, NagiosRange>(), new Dictionary<string, NagiosRange>());

    /// <summary>The thresholds for <paramref name="spec"/>: the user's where given, else the given fallbacks, else the spec's defaults.</summary>
    public Thresholds For(ThresholdSpec spec, NagiosRange? derivedWarning = null, NagiosRange? derivedCritical = null) =>
        new(
            _warnings.TryGetValue(spec.Key, out var w) ? w : derivedWarning ?? spec.DefaultWarning,
            _criticals.TryGetValue(spec.Key, out var c) ? c : derivedCritical ?? spec.DefaultCritical);
}
