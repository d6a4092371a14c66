using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>
/// A machine-level report repeated for one subject (a process the OOM killer chose, a port under SYN flood,
/// a CPU that locked up, an NFS server, an md array, a DIMM). Counts occurrences, keeps the further lines of
/// each, merges the events' typed members (the first value of each; counts summed; what is left taken from
/// the last line), and knows whether the trouble ended (<c>nfs: server X OK</c>, a path reinstated, a rebuild done).
/// </summary>
internal sealed class SystemDraft(LogLine first, SystemEventKind kind, string subject) : IncidentDraft(first)
{
    private static readonly string[] Summed = ["ce_count", "ue_count"];
    private static readonly string[] Latest = ["remaining_devices", "remaining_paths", "usage_count"];

    private readonly List<string> details = [];
    private readonly Dictionary<string, long> sums = [];
    private bool critical;

    /// <summary>The kind of report.</summary>
    public SystemEventKind Kind => kind;

    /// <summary>When the trouble ended, if a line said so after its last occurrence.</summary>
    public LogTime? Ended { get; private set; }

    public void Take(SystemEvent e)
    {
        if (e.Ends)
        {
            Saw(e.Line);
            Ended = e.Line.Time;
        }
        else if (e.Continues && Occurrences > 0)
        {
            Saw(e.Line);
        }
        else
        {
            Occurred(e.Line);
            Ended = null;
        }

        if (e.Detail.Length > 0 && details.Count < 5 && !details.Contains(e.Detail) && !e.Ends)
        {
            details.Add(e.Detail);
        }

        foreach (var field in e.Data ?? [])
        {
            Merge(field);
        }

        critical |= SystemIncidentText.IsCritical(kind, e);
    }

    /// <summary>Adds a line that tells what followed (a disk incident's dropped RAID member).</summary>
    public void Followed(string text) => Consequence(text);

    public override Incident Build(DeviceNames names)
    {
        foreach (var d in details)
        {
            Fact("detail", d);
        }

        foreach (var (name, total) in sums)
        {
            Data.Replace(name, new DataInteger(total));
        }

        Data.Set("ended", Ended is null ? null : true);
        var when = Occurrences <= 1 ? $"at {FirstSeen}" : $"{IncidentText.Times(Occurrences)} between {FirstSeen} and {LastSeen}";
        var text = SystemIncidentText.Describe(kind, subject, when, (FirstSeen, Math.Max(Occurrences, 1)), details, Data, Ended, critical);
        var chain = Data.Fields.Where(f => f.Name is "disk" or "member" or "md" or "nvme_controller" or "dm").Select(f => f.Value.Text).Distinct().ToArray();
        return Make(text.Kind, text.Id, text.Severity, subject, text.Summary, text.Explanation, text.Advice, chain);
    }

    private void Merge(DataField field)
    {
        if (Array.IndexOf(Summed, field.Name) >= 0 && field.Value is DataInteger count)
        {
            sums[field.Name] = sums.GetValueOrDefault(field.Name) + count.Value;
        }
        else if (Array.IndexOf(Latest, field.Name) >= 0 || (field.Name == "severity" && Worse(field.Value.Text)))
        {
            Data.Replace(field.Name, field.Value);
        }
        else
        {
            Data.Set(field.Name, field.Value);
        }
    }

    private bool Worse(string severity) =>
        Rank(severity) > Rank(Data.Text("severity"));

    private static int Rank(string? severity) => severity switch
    {
        "fatal" => 4,
        "uncorrected" or "recoverable" => 3,
        "corrected" => 2,
        null => 0,
        _ => 1,
    };
}
