using System.Globalization;
using System.Text;
using System.Text.Json;
using HostDoc.Findings;
using HostDoc.Sources;
using HostDoc.Storage;
using HostDoc.Sys.Block;

namespace HostDoc.Output;

/// <summary>
/// <c>hostdoc devices</c>: per physical disk, port → SCSI address → disk (model, serial, size, rotational)
/// → partitions (sectors) → dm/md layers → mounts or swap; as text, or as JSON whose
/// name/size/type/mountpoints/children keys follow <c>lsblk -J -b</c>, plus hostdoc's own.
/// Unused loop devices (no backing file) are left out, as lsblk does.
/// </summary>
public static class DevicesWriter
{
    /// <summary>Writes the tree as text.</summary>
    public static void WriteText(TextWriter writer, BlockTopology topology, TextStyle style)
    {
        foreach (var root in Visible(topology, topology.Roots))
        {
            var port = string.Join(" → ", new[] { root.Transport, root.AtaPort, root.ScsiAddress is null ? null : "scsi " + root.ScsiAddress }.Where(s => s is not null));
            writer.Write($"{style.Bold(port)}\n");
            Write(writer, topology, root, 1, style);
        }
    }

    /// <summary>One line per path through <paramref name="device"/>: its ancestry down to it, then on to every leaf below it and its mounts.</summary>
    public static void WriteChains(TextWriter writer, BlockTopology topology, BlockDevice device)
    {
        foreach (var leaf in Leaves(topology, device))
        {
            var chain = topology.Ancestry(leaf);
            writer.Write(string.Join(" → ", chain.Select(d => d.Parent is null && d.Slaves.Count == 0
                ? string.Join(" ", new[] { d.AtaPort, d.ScsiAddress, d.Name, d.Model, d.Serial }.Where(s => s is not null))
                : d.DmName ?? d.Name)));
            var mounts = topology.MountPoints[leaf.Name];
            writer.Write(mounts.Count > 0 ? $" → {string.Join(", ", mounts)}\n" : "\n");
        }
    }

    /// <summary>Writes the lsblk-shaped JSON document.</summary>
    public static void WriteJson(TextWriter writer, BlockTopology topology)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("blockdevices");
            foreach (var root in Visible(topology, topology.Roots))
            {
                WriteJson(json, topology, root);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    /// <summary>The block devices of <c>/proc/partitions</c>, when there is no sysfs to build the tree from.</summary>
    public static void WritePartitions(TextWriter writer, IReadOnlyList<Proc.PartitionEntry> partitions, bool json)
    {
        if (!json)
        {
            writer.Write("no /sys/class/block: the block devices /proc/partitions lists (names and sizes only)\n");
            foreach (var p in partitions)
            {
                writer.Write($"  {p.Name,-12} {p.Device,-8} {Quantity.Bytes(p.Kibibytes * 1024)}\n");
            }

            return;
        }

        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteStartArray("blockdevices");
            foreach (var p in partitions)
            {
                j.WriteStartObject();
                j.WriteString("name", p.Name);
                j.WriteString("maj:min", p.Device.ToString());
                j.WriteNumber("size", p.Kibibytes * 1024);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    private static IEnumerable<BlockDevice> Leaves(BlockTopology topology, BlockDevice device)
    {
        var children = topology.Children(device).ToArray();
        return children.Length == 0 ? [device] : children.SelectMany(c => Leaves(topology, c));
    }

    private static IEnumerable<BlockDevice> Visible(BlockTopology topology, IEnumerable<BlockDevice> devices) =>
        devices.Where(d => !(d.Type == "loop" && d.BackingFile is null && d.SizeBytes == 0));

    private static void Write(TextWriter writer, BlockTopology topology, BlockDevice d, int depth, TextStyle style)
    {
        var parts = new List<string> { style.Bold(d.Name), d.Type, Quantity.Bytes(d.SizeBytes) };
        var isDisk = d.Parent is null && d.Slaves.Count == 0;
        if (isDisk && d.Model is { } model)
        {
            parts.Add((d.Vendor is { } v && !model.StartsWith(v, StringComparison.Ordinal) ? v + " " : "") + model);
        }

        if (isDisk && d.Serial is { } serial)
        {
            parts.Add("serial " + serial);
        }

        if (isDisk && d.Rotational is { } rot)
        {
            parts.Add(rot ? "rotational" : "non-rotational");
        }

        if (isDisk && d.AtaLink is { } link)
        {
            var speed = $"link {link.Speed ?? "down"}{(link.HardwareLimit is { } max && max != link.Speed ? $" (controller {max})" : "")}{(link.TransferMode is { } mode ? $" {mode}" : "")}";
            parts.Add(link.SlowerThanHardware || link.Speed is null ? style.Paint(speed, "1;33") : speed);
            if (link.SpeedDowns is > 0)
            {
                parts.Add(style.Paint($"slowed down {link.SpeedDowns}× after errors", "1;33"));
            }
        }

        if (isDisk && d.Wwid is { } wwid)
        {
            parts.Add("wwid " + wwid);
        }

        if (d.State is { } state && state != "running" && state != "live")
        {
            parts.Add(style.Paint("state " + state, "1;31"));
        }

        if (d.MdDegraded is > 0)
        {
            parts.Add(style.Paint($"degraded: {d.MdDegraded} member(s) missing", "1;31"));
        }

        if (d.StartSector is { } start)
        {
            var sectors = d.SizeBytes / 512;
            parts.Add(sectors == 0
                ? string.Create(CultureInfo.InvariantCulture, $"at sector {start}, empty")
                : string.Create(CultureInfo.InvariantCulture, $"sectors {start}–{Saturating.Add(start, sectors) - 1}"));
        }

        if (d.DmName is { } dm)
        {
            parts.Add("dm " + dm);
        }

        if (d.BackingFile is { } file)
        {
            parts.Add("file " + file);
        }

        var mounts = topology.MountPoints[d.Name];
        if (mounts.Count > 0)
        {
            parts.Add("on " + string.Join(", ", mounts));
        }

        if (topology.Swaps.Contains("/dev/" + d.Name))
        {
            parts.Add("[SWAP]");
        }

        writer.Write($"{new string(' ', depth * 2)}{string.Join("  ", parts)}\n");
        foreach (var child in topology.Children(d))
        {
            Write(writer, topology, child, depth + 1, style);
        }
    }

    private static void WriteJson(Utf8JsonWriter json, BlockTopology topology, BlockDevice d)
    {
        json.WriteStartObject();
        json.WriteString("name", d.Name);
        json.WriteString("maj:min", d.Device.ToString());
        json.WriteNumber("size", d.SizeBytes);
        json.WriteString("type", d.Type);
        json.WriteStartArray("mountpoints");
        var mounts = topology.MountPoints[d.Name].ToList();
        if (topology.Swaps.Contains("/dev/" + d.Name))
        {
            mounts.Add("[SWAP]");
        }

        if (mounts.Count == 0)
        {
            json.WriteNullValue();
        }

        foreach (var m in mounts)
        {
            json.WriteStringValue(m);
        }

        json.WriteEndArray();
        JsonParts.WriteOptional(json, "transport", d.Transport);
        JsonParts.WriteOptional(json, "ata_port", d.AtaPort);
        JsonParts.WriteOptional(json, "scsi", d.ScsiAddress);
        JsonParts.WriteOptional(json, "vendor", d.Vendor);
        JsonParts.WriteOptional(json, "model", d.Model);
        JsonParts.WriteOptional(json, "serial", d.Serial);
        JsonParts.WriteOptional(json, "wwid", d.Wwid);
        JsonParts.WriteOptional(json, "link_speed", d.AtaLink?.Speed);
        JsonParts.WriteOptional(json, "link_limit", d.AtaLink?.HardwareLimit);
        JsonParts.WriteOptional(json, "xfer_mode", d.AtaLink?.TransferMode);
        JsonParts.WriteOptional(json, "dm_name", d.DmName);
        JsonParts.WriteOptional(json, "backing_file", d.BackingFile);
        JsonParts.WriteOptional(json, "state", d.State);
        if (d.MdDegraded is { } degraded)
        {
            json.WriteNumber("md_degraded", degraded);
        }

        if (d.StartSector is { } start)
        {
            json.WriteNumber("start", start);
        }

        if (d.Rotational is { } rot)
        {
            json.WriteBoolean("rota", rot);
        }

        var children = topology.Children(d).ToArray();
        if (children.Length > 0)
        {
            json.WriteStartArray("children");
            foreach (var child in children)
            {
                WriteJson(json, topology, child);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
