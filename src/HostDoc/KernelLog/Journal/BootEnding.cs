using System.Globalization;
using HostDoc.Findings;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Journal;

/// <summary>
/// How a boot ended, from the last kernel messages journald kept of it: a clean shutdown prints
/// <c>reboot: Restarting system</c>, <c>reboot: Power down</c> or <c>reboot: System halted</c>; a panic
/// prints <c>Kernel panic - not syncing: …</c>; a boot whose log just stops ended in a crash that could not
/// be logged, a hard reset, a power loss or a watchdog. The incidents of its last minutes say why.
/// </summary>
/// <param name="Boot">The boot (journalctl's -b argument: an offset or a boot id).</param>
/// <param name="Last">The wall-clock time of its last kernel message.</param>
/// <param name="Severity">Ok for a clean shutdown, critical for a panic, warning for an abrupt end.</param>
/// <param name="Sentence">What a person reads.</param>
public sealed record BootEnding(string Boot, DateTime? Last, Severity Severity, string Sentence)
{
    private static readonly string[] CleanEnds = ["reboot: Restarting system", "reboot: Power down", "reboot: System halted", "ACPI: PM: Preparing to enter system sleep state S5"];

    /// <summary>How long before the end an incident counts as part of how the boot ended.</summary>
    public static readonly TimeSpan LastMinutes = TimeSpan.FromMinutes(10);

    /// <summary>Judges a boot from its last journal lines (JSON, oldest first) and its incidents.</summary>
    public static BootEnding? From(string boot, IReadOnlyList<string> lastLines, IReadOnlyList<Incidents.Incident> incidents)
    {
        var messages = lastLines.Select(l => JournalJsonLine.Parse(l)).OfType<LogEnvelope>().Where(e => e.IsKernel && e.Messages.Count > 0).ToArray();
        if (messages.Length == 0)
        {
            return null;
        }

        var last = messages[^1];
        var at = last.Wall is { } w ? w.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "an unknown time";
        var recent = incidents.Where(i => last.Wall is not { } end || i.LastSeen.Wall is not { } seen || (seen <= end && end - seen <= LastMinutes))
            .Where(i => i.Severity is Severity.Warning or Severity.Critical).Select(i => i.Summary).Distinct().Take(5).ToArray();
        var before = recent.Length == 0 ? "" : $"; in its last {LastMinutes.TotalMinutes:0} minutes: {string.Join("; ", recent)}";
        var panic = messages.SelectMany(m => m.Messages).LastOrDefault(m => m.Contains("Kernel panic - not syncing", StringComparison.Ordinal));
        if (panic is not null)
        {
            return new BootEnding(boot, last.Wall, Severity.Critical, $"boot {boot} ended in a kernel panic at {at}: {panic.Trim()}{before}");
        }

        if (messages.TakeLast(20).SelectMany(m => m.Messages).Any(m => CleanEnds.Any(c => m.Contains(c, StringComparison.Ordinal))))
        {
            return new BootEnding(boot, last.Wall, Severity.Ok, $"boot {boot} ended with a clean shutdown at {at}{before}");
        }

        return new BootEnding(boot, last.Wall, Severity.Warning,
            $"boot {boot} ended without a clean shutdown: its last kernel message, at {at}, was \"{last.Messages[^1].Trim()}\" " +
            $"(a crash that could not be logged, a hard reset, power loss or a watchdog){before}");
    }
}
