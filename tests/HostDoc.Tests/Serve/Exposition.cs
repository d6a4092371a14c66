using System.Globalization;

namespace HostDoc.Tests.Serve;

/// <summary>Prometheus text exposition read back into series → value, for comparing two exporters.</summary>
internal static class Exposition
{
    public static Dictionary<string, double> Parse(string text)
    {
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var space = line.IndexOf(' ', close < 0 ? 0 : close);
            var value = line[(space + 1)..].Split(' ')[0];
            series[line[..space]] = value switch
            {
                "NaN" => double.NaN,
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }

        return series;
    }

    public static string Family(string series) => series.Split('{')[0];
}
