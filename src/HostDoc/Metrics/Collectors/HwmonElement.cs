namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_exporter 1.5's rule for one element (property) of a hwmon sensor: the unit suffix of its metric
/// name, the HELP text, the type, and the value in base units. The element is the property as the file
/// names it (<c>crit_alarm</c>; empty for a bare file such as <c>pwm1</c>).
/// </summary>
internal static class HwmonElement
{
    /// <summary>Suffix, help, type and scaled value for <paramref name="element"/> of a <paramref name="type"/> sensor reading <paramref name="value"/>.</summary>
    public static (string Suffix, string Help, MetricType Type, double Value) Describe(string type, string element, double value) =>
        (type, element) switch
        {
            (_, "fault" or "alarm") => ("", $"Hardware sensor {element} status ({type})", MetricType.Gauge, value),
            (_, "beep") => ("_enabled", "Hardware monitor sensor has beeping enabled", MetricType.Gauge, value),
            ("in" or "cpu", _) => ("_volts", $"Hardware monitor for voltage ({element})", MetricType.Gauge, value * 0.001),
            ("temp", not "type") => ("_celsius", $"Hardware monitor for temperature ({(element.Length == 0 ? "input" : element)})", MetricType.Gauge, value * 0.001),
            ("curr", _) => ("_amps", $"Hardware monitor for current ({element})", MetricType.Gauge, value * 0.001),
            ("energy", _) => ("_joule_total", $"Hardware monitor for joules used so far ({element})", MetricType.Counter, value / 1000000.0),
            ("power", "accuracy") => ("", "Hardware monitor power meter accuracy, as a ratio", MetricType.Gauge, value / 1000000.0),
            ("power", "average_interval" or "average_interval_min" or "average_interval_max") =>
                ("_seconds", $"Hardware monitor power usage update interval ({element})", MetricType.Gauge, value * 0.001),
            ("power", _) => ("_watt", $"Hardware monitor for power usage in watts ({element})", MetricType.Gauge, value / 1000000.0),
            ("humidity", _) => ("", $"Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity as a percentage) ({element})", MetricType.Gauge, value / 1000000.0),
            ("fan", "input" or "min" or "max" or "target") => ("_rpm", $"Hardware monitor for fan revolutions per minute ({element})", MetricType.Gauge, value),
            _ => ("", $"Hardware monitor {type} element {element}", MetricType.Gauge, value),
        };
}
