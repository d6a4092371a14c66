using HostDoc.Findings;
using HostDoc.KernelLog.Incidents;
using HostDoc.Proc.Pid;
using HostDoc.Sources;
using HostDoc.Storage;
using HostDoc.Sys.Block;

namespace HostDoc.Checks;

/// <summary>
/// Joins a kernel-log incident to the device topology of the host (or snapshot) the log belongs to:
/// the drive's model, serial and size, the partition and offset holding the failing sector, the
/// dm/md layers on it, the mount point, and whether the filesystem is read-only now. Without a
/// matching device the incident stays as the log says.
/// </summary>
public static class IncidentTopology
{
    /// <summary>The incident with what the topology adds, or unchanged.</summary>
    public static Incident Enrich(Incident incident, BlockTopology topology, IReadOnlyList<MountinfoEntry> mountinfo)
    {
        if (incident.Chain.Count == 0 && incident.Disk is null)
        {
            return incident;   // not about a disk (an OOM kill, a SYN flood); also spares reading /sys/block
        }

        var disk = incident.Chain.Prepend(incident.Disk).OfType<string>().Distinct()
            .Select(topology.Find).FirstOrDefault(d => d is { Parent: null });
        if (disk is null)
        {
            return incident;
        }

        var facts = new List<Evidence>(incident.Facts);
        var data = new FindingData();
        foreach (var field in incident.Fields)
        {
            data.Set(field.Name, field.Value);
        }

        var chain = new List<string>(incident.Chain.Where(n => n.StartsWith("ata", StringComparison.Ordinal) || n.Contains(':', StringComparison.Ordinal)));
        chain.Add(disk.Name);
        var drive = string.Join(", ", new[]
        {
            string.Join(' ', new[] { disk.Vendor, disk.Model }.OfType<string>()).Trim(),
            disk.Serial is { } serial ? $"serial {serial}" : null,
            Quantity.Bytes(disk.SizeBytes),
            disk.Rotational switch { true => "rotational", false => "solid-state", _ => null },
            disk.AtaPort is { } port ? $"port {port}" : null,
        }.Where(s => !string.IsNullOrEmpty(s)));
        facts.Add(new Evidence("drive (this host)", drive, $"/sys/block/{disk.Name}"));

        var holder = disk;
        if (incident.Lba is { } lba)
        {
            var sector = incident.LbaIsSector ? lba : Saturating.Multiply(lba, (ulong)(disk.LogicalBlockSize ?? 512)) / 512;
            if (topology.PartitionAt(disk, sector) is { } at)
            {
                holder = at.Partition;
                chain.Add(at.Partition.Name);
                data.Set("partition", at.Partition.Name);
                facts.Add(new Evidence("failing sector (this host)",
                    $"disk sector {IncidentText.Number(sector)} is in {at.Partition.Name}, {Quantity.Bytes(at.OffsetBytes)} into the partition"));
            }
        }

        foreach (var layer in Layers(topology, holder))
        {
            chain.Add(layer.DmName is { } dm ? $"{layer.Name} ({dm})" : layer.Name);
            KernelLog.Incidents.DeviceFields.AddBlock(data, layer.Name);
            holder = layer;
        }

        var mounts = mountinfo.Where(m => m.Device == holder.Device).ToArray();
        chain.AddRange(mounts.Select(m => m.MountPoint).Distinct());
        data.Set("mount", mounts.Select(m => m.MountPoint).FirstOrDefault());
        foreach (var mount in mounts.DistinctBy(m => m.MountPoint))
        {
            var readOnly = mount.MountReadOnly || mount.SuperReadOnly;
            facts.Add(new Evidence("mounted now", $"{mount.MountPoint} ({mount.FsType}, {(readOnly ? "read-only" : "read-write")})", "/proc/self/mountinfo"));
        }

        return incident with { Chain = chain, Facts = facts, Data = data.Fields };
    }

    /// <summary>The devices built on <paramref name="device"/>, one per level (dm on a partition, a dm on that …).</summary>
    private static IEnumerable<BlockDevice> Layers(BlockTopology topology, BlockDevice device)
    {
        var current = device;
        for (var depth = 0; depth < 8; depth++)
        {
            var next = topology.Devices.FirstOrDefault(d => d.Slaves.Contains(current.Name));
            if (next is null)
            {
                yield break;
            }

            yield return next;
            current = next;
        }
    }
}
