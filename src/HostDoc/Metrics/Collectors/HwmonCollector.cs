using HostDoc.Sys.Hwmon;

namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_exporter 1.5's hwmon collector from <c>/sys/class/hwmon</c> (<see cref="HwmonClass"/>):
/// <c>node_hwmon_chip_names</c>, <c>node_hwmon_sensor_label</c>, and one family per sensor type and
/// property, <c>node_hwmon_&lt;type&gt;[_&lt;property&gt;]_&lt;unit&gt;</c>, in base units: milli-degrees,
/// milli-volts, milli-amperes and milliseconds × 0.001; micro-watts, micro-joules and the micro-ratios
/// (power accuracy, humidity) ÷ 10⁶; fan speeds as they are. <c>_input</c> is the value itself
/// (<c>node_hwmon_temp_celsius</c>) unless the sensor also has a bare file, whose value then takes the plain
/// name. Alarms, faults and beeps have no unit; what node_exporter has no rule for (<c>pwm1_enable</c>,
/// <c>fan1_pulses</c>, <c>temp1_type</c>) is exported as the file says, named by the element.
/// </summary>
/// <remarks>
/// Differences from node_exporter, on purpose: no <c>/sys/class/hwmon</c> (VMs, containers) gives no families
/// with the source up, where node_exporter reports its collector failed (that would keep hostdoc's
/// source-down alert firing on every VM). A value file that is not a number is skipped as node_exporter skips
/// it, and degrades the source unless it is empty or a text attribute (<c>label</c>, ACPI power meters'
/// <c>model_number</c>, <c>oem_info</c>, <c>serial_number</c>). Values in Go's hexadecimal float syntax
/// (<c>0x1p-2</c>), which no driver prints, are not read.
/// </remarks>
public static class HwmonCollector
{
    private static readonly string[] TextProperties = ["label", "model_number", "oem_info", "serial_number"];

    /// <summary>The families.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var families = new HwmonFamilies();
        var degraded = false;
        foreach (var chip in context.Require(HwmonClass.Read(context.Root)))
        {
            if (chip.ChipName is { } chipName)
            {
                families.Add("node_hwmon_chip_names", "Annotation metric for human-readable chip names", MetricType.Gauge, 1, ("chip", chip.Name), ("chip_name", chipName));
            }

            foreach (var (sensor, values) in chip.Sensors.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                degraded |= !AddSensor(families, chip.Name, sensor, values);
            }
        }

        if (degraded || families.Conflicted)
        {
            context.Degrade();
        }

        return families.Build();
    }

    /// <summary>Adds one sensor's samples; false when one of its values was damaged.</summary>
    private static bool AddSensor(HwmonFamilies families, string chip, string sensor, IReadOnlyDictionary<string, string> values)
    {
        var type = HwmonFileName.TryParse(sensor, out var attribute) ? attribute.Type : sensor;
        if (values.TryGetValue("label", out var label))
        {
            families.Add("node_hwmon_sensor_label", "Label for given chip and sensor", MetricType.Gauge, 1, ("chip", chip), ("label", label), ("sensor", sensor));
        }

        var bare = values.GetValueOrDefault("");
        switch (type)
        {
            case "beep_enable":
                families.Add("node_hwmon_beep_enabled", "Hardware beep enabled", MetricType.Gauge, bare == "1" ? 1 : 0, ("chip", chip), ("sensor", sensor));
                return true;
            case "vrm" or "update_interval":
                if (!HwmonValue.TryParse(bare ?? "", out var number))
                {
                    return string.IsNullOrEmpty(bare);
                }

                families.Add(type == "vrm" ? "node_hwmon_voltage_regulator_version" : "node_hwmon_update_interval_seconds",
                    type == "vrm" ? "Hardware voltage regulator" : "Hardware monitor update interval", MetricType.Gauge,
                    type == "vrm" ? number : number * 0.001, ("chip", chip), ("sensor", sensor));
                return true;
        }

        var clean = true;
        foreach (var (element, text) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (element == "label")
            {
                continue;
            }

            if (!HwmonValue.TryParse(text, out var value))
            {
                clean &= text.Length == 0 || TextProperties.Contains(element, StringComparer.Ordinal);
                continue;
            }

            var name = "node_hwmon_" + type + (element == "input" ? (bare is not null ? "_input" : "") : element.Length > 0 ? "_" + HwmonName.Clean(element) : "");
            var (suffix, help, metricType, scaled) = HwmonElement.Describe(type, element, value);
            families.Add(name + suffix, help, metricType, scaled, ("chip", chip), ("sensor", sensor));
        }

        return clean;
    }
}
