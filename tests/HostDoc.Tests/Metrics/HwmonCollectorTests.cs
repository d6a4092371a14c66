using HostDoc.Metrics;
using HostDoc.Metrics.Collectors;
using HostDoc.Sys.Hwmon;
using Xunit;

namespace HostDoc.Tests.Metrics;

public sealed class HwmonCollectorTests
{
    private static (Dictionary<string, double> Series, Dictionary<string, MetricFamily> Families, bool Degraded) Collect(HostRoot root)
    {
        var context = new CollectorContext(new HostModel(root, TimeProvider.System), MetricsOptions.Defaults);
        var families = HwmonCollector.Collect(context).ToArray();
        var series = families.SelectMany(f => f.Samples.Select(s => (Key: f.Name + "{" + string.Join(",", s.Labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}", s.Value)))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        return (series, families.ToDictionary(f => f.Name, StringComparer.Ordinal), context.Degraded);
    }

    [Fact]
    public void Without_the_hwmon_class_there_are_no_families_and_the_source_is_up()
    {
        using var tree = new TempTree();
        tree.Write("/sys/class/net/lo/mtu", "65536\n");
        var (series, _, degraded) = Collect(tree.Root);
        Assert.Empty(series);
        Assert.False(degraded);
    }

    [Fact]
    public void Names_chips_by_their_device_or_name_file_and_reads_the_device_directory_of_old_drivers()
    {
        var (series, families, degraded) = Collect(Fixtures.Root("node-exporter-1.5.0"));
        Assert.False(degraded);
        Assert.Equal(55, series["node_hwmon_temp_celsius{chip=\"platform_coretemp_0\",sensor=\"temp1\"}"]);
        Assert.Equal(1, series["node_hwmon_chip_names{chip=\"platform_coretemp_1\",chip_name=\"coretemp\"}"]);
        Assert.Equal(1, series["node_hwmon_chip_names{chip=\"nct6779\",chip_name=\"nct6779\"}"]);
        Assert.Equal(3, families["node_hwmon_chip_names"].Samples.Count);   // applesmc's hwmon directory has no name file
        Assert.Equal(2160, series["node_hwmon_fan_min_rpm{chip=\"platform_applesmc_768\",sensor=\"fan1\"}"]);
        Assert.Equal(1, series["node_hwmon_sensor_label{chip=\"platform_applesmc_768\",label=\"Left side  \",sensor=\"fan1\"}"]);
        Assert.Equal(0.792, series["node_hwmon_in_volts{chip=\"nct6779\",sensor=\"in0\"}"]);
        Assert.Equal(1, series["node_hwmon_sensor_label{chip=\"hwmon4\",label=\"foosensor\",sensor=\"temp1\"}"]);
        Assert.DoesNotContain(series.Keys, k => k.Contains("safe", StringComparison.Ordinal));   // fan1_safe is empty
    }

    [Fact]
    public void Converts_to_base_units_and_keeps_a_bare_value_apart_from_input()
    {
        using var tree = new TempTree();
        var d = "/sys/class/hwmon/hwmon0";
        foreach (var (file, value) in new[]
        {
            ("name", "acpi-power\n"), ("power1_input", "1500000\n"), ("power1_accuracy", "2500\n"), ("power1_average_interval", "2000\n"),
            ("energy1_input", "3000000\n"), ("curr1_input", "250\n"), ("humidity1_input", "450000\n"), ("update_interval", "1000\n"),
            ("temp1", "40000\n"), ("temp1_input", "41000\n"), ("temp1_type", "3\n"), ("beep_enable", "1\n"), ("pwm1", "128\n"), ("fan1_input", "900\n"),
        })
        {
            tree.Write($"{d}/{file}", value);
        }

        var (series, families, degraded) = Collect(tree.Root);
        Assert.False(degraded);
        string Key(string name, string sensor) => $"{name}{{chip=\"acpi_power\",sensor=\"{sensor}\"}}";
        Assert.Equal(1.5, series[Key("node_hwmon_power_watt", "power1")]);
        Assert.Equal(0.0025, series[Key("node_hwmon_power_accuracy", "power1")]);
        Assert.Equal(2, series[Key("node_hwmon_power_average_interval_seconds", "power1")]);
        Assert.Equal(3, series[Key("node_hwmon_energy_joule_total", "energy1")]);
        Assert.Equal(MetricType.Counter, families["node_hwmon_energy_joule_total"].Type);
        Assert.Equal(0.25, series[Key("node_hwmon_curr_amps", "curr1")]);
        Assert.Equal(0.45, series[Key("node_hwmon_humidity", "humidity1")]);
        Assert.Equal(1, series[Key("node_hwmon_update_interval_seconds", "update_interval0")]);
        Assert.Equal(40, series[Key("node_hwmon_temp_celsius", "temp1")]);
        Assert.Equal(41, series[Key("node_hwmon_temp_input_celsius", "temp1")]);
        Assert.Equal(3, series[Key("node_hwmon_temp_type", "temp1")]);
        Assert.Equal(1, series[Key("node_hwmon_beep_enabled", "beep_enable0")]);
        Assert.Equal(128, series[Key("node_hwmon_pwm", "pwm1")]);
        Assert.Equal(900, series[Key("node_hwmon_fan_rpm", "fan1")]);
        Assert.Equal("Hardware monitor pwm element ", families["node_hwmon_pwm"].Help);
    }

    [Fact]
    public void A_damaged_value_is_left_out_and_degrades_the_source()
    {
        using var tree = new TempTree();
        tree.Write("/sys/class/hwmon/hwmon0/name", "k10temp\n");
        tree.Write("/sys/class/hwmon/hwmon0/temp1_input", "4\u00002garbage\n");
        tree.Write("/sys/class/hwmon/hwmon0/temp1_max", "70000\n");
        var (series, _, degraded) = Collect(tree.Root);
        Assert.True(degraded);
        Assert.Equal(70, series["node_hwmon_temp_max_celsius{chip=\"k10temp\",sensor=\"temp1\"}"]);
        Assert.DoesNotContain("node_hwmon_temp_celsius{chip=\"k10temp\",sensor=\"temp1\"}", series.Keys);
    }

    [Fact]
    public void A_device_that_is_no_directory_drops_its_chip_and_a_chip_without_names_is_called_by_its_directory()
    {
        using var tree = new TempTree();
        tree.Write("/sys/class/hwmon/hwmon0/device", "not a directory\n");
        tree.Write("/sys/class/hwmon/hwmon0/temp1_input", "1000\n");
        tree.Write("/sys/class/hwmon/hwmon7/temp1_input", "2000\n");
        tree.Write("/sys/class/hwmon/stray", "a file in the class directory\n");
        File.CreateSymbolicLink(tree.Dir + "/sys/class/hwmon/hwmon9", "../../devices/gone/hwmon/hwmon9");
        var (series, _, degraded) = Collect(tree.Root);
        Assert.True(degraded);
        Assert.Equal(["node_hwmon_temp_celsius{chip=\"hwmon7\",sensor=\"temp1\"}"], series.Keys);
    }

    [Fact]
    public void A_device_link_is_followed_from_where_the_hwmon_link_led()
    {
        using var tree = new TempTree();
        tree.Write("/sys/devices/pci0000:00/0000:00:18.3/hwmon/hwmon1/temp1_input", "50000\n");
        File.CreateSymbolicLink(tree.Dir + "/sys/devices/pci0000:00/0000:00:18.3/hwmon/hwmon1/device", "../../../0000:00:18.3");
        Directory.CreateDirectory(tree.Dir + "/sys/class/hwmon");
        File.CreateSymbolicLink(tree.Dir + "/sys/class/hwmon/hwmon1", "../../devices/pci0000:00/0000:00:18.3/hwmon/hwmon1");
        var (series, _, _) = Collect(tree.Root);
        Assert.Equal(50, series["node_hwmon_temp_celsius{chip=\"pci0000:00_0000:00:18_3\",sensor=\"temp1\"}"]);
    }

    [Theory]
    [InlineData("temp1_crit_alarm", "temp", 1L, "crit_alarm")]
    [InlineData("pwm1", "pwm", 1L, "")]
    [InlineData("beep_enable", "beep_enable", 0L, "")]
    [InlineData("temp_input", "temp_input", 0L, "")]
    [InlineData("pwm1_auto_point1_pwm", "pwm", 1L, "auto_point1_pwm")]
    [InlineData("beep_1_", "beep", 0L, "1_")]
    [InlineData("temp01_input", "temp", 1L, "input")]
    public void Splits_file_names_as_node_exporter_does(string file, string type, long number, string property)
    {
        Assert.True(HwmonFileName.TryParse(file, out var name));
        Assert.Equal(new HwmonFileName(type, number, property), name);
    }

    [Theory]
    [InlineData("1temp")]
    [InlineData("temp1_")]
    [InlineData("temp1x")]
    [InlineData("temp99999999999999999999_input")]
    [InlineData("")]
    public void Refuses_names_of_no_such_shape(string file) => Assert.False(HwmonFileName.TryParse(file, out _));

    [Theory]
    [InlineData("Core.0 Temp", "core_0_temp")]
    [InlineData("__x__\n", "x")]
    [InlineData("\u212Aelvin", "kelvin")]
    [InlineData("\U0001F321", "")]
    public void Cleans_names(string name, string cleaned) => Assert.Equal(cleaned, HwmonName.Clean(name));
}
