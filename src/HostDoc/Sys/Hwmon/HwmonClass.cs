using System.Text;
using HostDoc.Sources;

namespace HostDoc.Sys.Hwmon;

/// <summary>
/// <c>/sys/class/hwmon/*</c> (Documentation/hwmon/sysfs-interface.rst): every hardware monitoring chip,
/// read as node_exporter 1.5's hwmon collector reads it. Sensor files sit in the hwmon directory, or for
/// drivers older than the hwmon class's own attributes (applesmc, many before 3.x) in its <c>device/</c>
/// directory; both are read, the device's taking precedence for a file both have.
/// </summary>
/// <remarks>
/// Problems are what makes a chip unusable (no name can be derived, a <c>device</c> that is no directory: the
/// chip is left out, as node_exporter leaves it) and value files past the sysfs page size. A value file
/// that cannot be read is not one: drivers answer EIO or ENODATA for a sensor with nothing attached, and
/// <c>power/</c> is a directory whose name matches the <c>power</c> type.
/// </remarks>
public static class HwmonClass
{
    /// <summary>The directory.</summary>
    public const string Directory = "/sys/class/hwmon";

    /// <summary>node_exporter reads a value file with one 128-byte read.</summary>
    private const int ValueBytes = 128;

    /// <summary>Every chip, in the order of their hwmonN names; an empty list when the class is not there (a VM, a container).</summary>
    public static Sourced<IReadOnlyList<HwmonChip>> Read(HostRoot root)
    {
        var chips = new List<HwmonChip>();
        var problems = new List<SourceProblem>();
        foreach (var entry in root.ListDirectory(Directory).Order(StringComparer.Ordinal))
        {
            if (ResolvedPath.Of(root, $"{Directory}/{entry}") is { } dir && IsDirectory(root, dir))
            {
                if (ReadChip(root, dir, problems) is { } chip)
                {
                    chips.Add(chip);
                }
            }
        }

        return Sourced<IReadOnlyList<HwmonChip>>.Partial(chips, problems);
    }

    private static HwmonChip? ReadChip(HostRoot root, string dir, List<SourceProblem> problems)
    {
        var device = ResolvedPath.Of(root, dir + "/device");
        if (StableName(root, dir, device) is not { } name)
        {
            problems.Add(new SourceProblem(dir, ProblemKind.Malformed, "no chip name: neither a device link, a name file nor a usable directory name"));
            return null;
        }

        var sensors = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        ReadSensors(root, dir, sensors, problems);
        if (device is not null)
        {
            if (!IsDirectory(root, device))
            {
                problems.Add(new SourceProblem(dir + "/device", ProblemKind.Malformed, "device is not a directory"));
                return null;
            }

            ReadSensors(root, device, sensors, problems);
        }

        return new HwmonChip(name, NameFile(root, dir),
            sensors.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, string>)s.Value, StringComparer.Ordinal));
    }

    /// <summary>The device's bus directory and name (<c>platform_coretemp_0</c>), else the name file, else the directory's own name.</summary>
    private static string? StableName(HostRoot root, string dir, string? device)
    {
        if (device is not null)
        {
            var deviceName = HwmonName.Clean(LastPart(device));
            var bus = HwmonName.Clean(LastPart(device[..device.LastIndexOf('/')]));
            if (deviceName.Length > 0)
            {
                return bus.Length > 0 ? $"{bus}_{deviceName}" : deviceName;
            }
        }

        if (NameFile(root, dir) is { } name)
        {
            return name;
        }

        var own = HwmonName.Clean(LastPart(dir));
        return own.Length > 0 ? own : null;
    }

    private static string? NameFile(HostRoot root, string dir) =>
        root.ReadText(dir + "/name", 64 * 1024).Value is { } text && HwmonName.Clean(text) is { Length: > 0 } name ? name : null;

    private static void ReadSensors(HostRoot root, string dir, Dictionary<string, Dictionary<string, string>> sensors, List<SourceProblem> problems)
    {
        foreach (var file in root.ListDirectory(dir).Order(StringComparer.Ordinal))
        {
            if (!HwmonFileName.TryParse(file, out var attribute) || !attribute.IsSensor)
            {
                continue;
            }

            var path = $"{dir}/{file}";
            var read = root.ReadText(path, 4096);
            if (read.Value is not { } text)
            {
                problems.AddRange(read.Problems.Where(p => p.Kind == ProblemKind.TooLarge));
                continue;
            }

            if (!sensors.TryGetValue(attribute.Sensor, out var properties))
            {
                sensors[attribute.Sensor] = properties = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            properties[attribute.Property] = FirstBytes(text).Trim('\n');
        }
    }

    /// <summary>What one read of <see cref="ValueBytes"/> gives of <paramref name="text"/>.</summary>
    private static string FirstBytes(string text)
    {
        if (text.Length * 3 <= ValueBytes)
        {
            return text;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length <= ValueBytes ? text : Encoding.UTF8.GetString(bytes, 0, ValueBytes);
    }

    private static bool IsDirectory(HostRoot root, string kernelPath) => root.IsDirectory(kernelPath);

    private static string LastPart(string path) => path[(path.LastIndexOf('/') + 1)..];
}
