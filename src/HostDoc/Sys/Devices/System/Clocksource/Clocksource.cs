namespace HostDoc.Sys.Devices.System.Clocksource;

/// <summary>
/// <c>/sys/devices/system/clocksource/clocksource0/{current_clocksource,available_clocksource}</c>:
/// the clock the kernel reads for timekeeping, and the ones it may switch to. When the TSC is
/// marked unstable the kernel drops it from the available list and falls back to hpet or acpi_pm.
/// </summary>
public sealed record Clocksource(string? Current, IReadOnlyList<string> Available)
{
    private const string Directory = "/sys/devices/system/clocksource/clocksource0/";

    /// <summary>Reads both files (null/empty where missing).</summary>
    public static Clocksource Read(HostRoot root) =>
        new(root.ReadValue(Directory + "current_clocksource"),
            root.ReadText(Directory + "available_clocksource", 1024).Value?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
}
