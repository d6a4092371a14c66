namespace HostDoc.Checks;

/// <summary>
/// One diagnosis: the host model in, findings out. Checks know nothing of output formats; they
/// are registered explicitly in <see cref="CheckCatalog"/>, never discovered by reflection.
/// </summary>
public interface ICheck
{
    /// <summary>The name used by <c>hostdoc check NAME</c> and in the service label.</summary>
    string Name { get; }

    /// <summary>One line saying what the check looks at.</summary>
    string Description { get; }

    /// <summary>The thresholds it accepts; the first is the one <c>-w</c>/<c>-c</c> set.</summary>
    IReadOnlyList<ThresholdSpec> Thresholds { get; }

    /// <summary>Runs the check.</summary>
    CheckResult Run(HostModel host, CheckSettings settings);
}
