using System.Globalization;

namespace HostDoc.Sys.Hwmon;

/// <summary>
/// The name of one file of a hwmon directory split as Documentation/hwmon/sysfs-interface.rst names
/// them, <c>&lt;type&gt;&lt;number&gt;_&lt;property&gt;</c>: <c>temp1_crit_alarm</c> is type <c>temp</c>,
/// number 1, property <c>crit_alarm</c>; <c>pwm1</c> has the empty property (the value itself);
/// <c>beep_enable</c> and <c>vrm</c> are a type alone (number 0).
/// </summary>
/// <remarks>
/// The split is node_exporter 1.5's, <c>^([^0-9]+)([0-9]*)?(_(.+))?$</c> with its leftmost-first
/// backtracking: the type takes every leading non-digit it can (so <c>temp_input</c> is all type), the
/// number every digit after it, and only when the rest is neither empty nor <c>_</c> plus text does the
/// type give characters back (<c>beep_1_</c> is type <c>beep</c>, property <c>1_</c>). The property
/// cannot hold a newline (the pattern's dot does not match one).
/// </remarks>
/// <param name="Type">The leading non-digits.</param>
/// <param name="Number">The digits after them, 0 when there are none.</param>
/// <param name="Property">What follows the first <c>_</c> after the number; empty when nothing does.</param>
public readonly record struct HwmonFileName(string Type, long Number, string Property)
{
    /// <summary>The types node_exporter reads; files of other types (name, uevent, device, power/) are not sensors.</summary>
    public static IReadOnlyList<string> SensorTypes { get; } =
        ["vrm", "beep_enable", "update_interval", "in", "cpu", "fan", "pwm", "temp", "curr", "power", "energy", "humidity", "intrusion"];

    /// <summary>The sensor the file belongs to, type and number: <c>temp1</c>, <c>beep_enable0</c>.</summary>
    public string Sensor => Type + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <see cref="Type"/> is one of <see cref="SensorTypes"/>.</summary>
    public bool IsSensor => SensorTypes.Contains(Type, StringComparer.Ordinal);

    /// <summary>Splits <paramref name="fileName"/>; false when it has no such shape (it starts with a digit, or a number runs past 64 bits).</summary>
    public static bool TryParse(string fileName, out HwmonFileName attribute)
    {
        attribute = default;
        var longestType = 0;
        while (longestType < fileName.Length && !char.IsAsciiDigit(fileName[longestType]))
        {
            longestType++;
        }

        for (var typeLength = longestType; typeLength > 0; typeLength--)
        {
            var digits = 0;
            while (typeLength + digits < fileName.Length && char.IsAsciiDigit(fileName[typeLength + digits]))
            {
                digits++;
            }

            for (var numberLength = digits; numberLength >= 0; numberLength--)
            {
                var rest = fileName.AsSpan(typeLength + numberLength);
                if (rest.IsEmpty || (rest.Length > 1 && rest[0] == '_' && !rest.Contains('\n')))
                {
                    var number = 0L;
                    if (numberLength > 0 && !long.TryParse(fileName.AsSpan(typeLength, numberLength), NumberStyles.None, CultureInfo.InvariantCulture, out number))
                    {
                        return false;
                    }

                    attribute = new HwmonFileName(fileName[..typeLength], number, rest.IsEmpty ? "" : rest[1..].ToString());
                    return true;
                }
            }
        }

        return false;
    }
}
