using HostDoc.Explain;
using HostDoc.Explain.Probes;

namespace HostDoc.Output;

/// <summary><c>hostdoc explain</c>'s text: what the error means for the call, the kernel's check and where, the usual causes, which holds here, and what to do.</summary>
public static class ExplainWriter
{
    /// <summary>Writes an errno's explanation.</summary>
    public static void WriteErrno(TextWriter writer, ErrnoExplanation e, TextStyle style)
    {
        var aliases = e.Code.Aliases.Count > 0 ? $", also {string.Join(", ", e.Code.Aliases)}" : "";
        writer.Write($"{style.Bold(e.Code.Name)} ({e.Code.Number}{aliases}): \"{e.Code.Message}\"{(e.Syscall is { } call ? $" from {call}()" : "")}\n");
        if (e.Entry is not { } entry)
        {
            writer.Write($"\nhostdoc has no explanation of {e.Code.Name} beyond its name yet; hostdoc explain --list shows the errors it explains.\n");
            return;
        }

        if (e.Syscall is { } asked && entry.Call != asked)
        {
            writer.Write(style.Dim($"(no entry for {asked}(); what {e.Code.Name} means for any call)") + "\n");
        }

        WriteEntry(writer, entry, style);
        WriteHere(writer, e.Here, style);
        WriteAdvice(writer, entry, style);
        if (e.OtherCalls.Count > 0)
        {
            writer.Write($"\nAlso explained for: {string.Join(", ", e.OtherCalls.Select(c => $"--syscall {c}"))}\n");
        }
    }

    /// <summary>Writes an rsync exit code or lines explained.</summary>
    public static void WriteRsync(TextWriter writer, RsyncExplanation e, TextStyle style)
    {
        writer.Write(style.Bold(e.Summary) + "\n");
        if (e.Reading.Count > 0)
        {
            writer.Write($"\n{style.Bold("The lines")}:\n");
            foreach (var line in e.Lines)
            {
                writer.Write($"  {line.Text}\n");
            }

            foreach (var reading in e.Reading)
            {
                TextWrap.Write(writer, "→ " + reading, "  ");
            }
        }

        if (e.Entry is { } entry)
        {
            WriteEntry(writer, entry, style);
            WriteAdvice(writer, entry, style);
        }
    }

    /// <summary>Writes the vCPU entry with what this host is.</summary>
    public static void WriteGuest(TextWriter writer, KnowledgeEntry entry, Sys.Hypervisor.VirtualMachine? vm, TextStyle style)
    {
        writer.Write(style.Bold("CPU affinity in a virtual machine") + "\n");
        WriteEntry(writer, entry, style);
        writer.Write($"\n{style.Bold("Here")}:\n");
        if (vm is null)
        {
            TextWrap.Write(writer, "- no hypervisor is seen (no hypervisor CPU flag, DMI vendor or paravirtual clock): CPUs here are physical, and affinity pins to them", "  ");
        }
        else
        {
            TextWrap.Write(writer, $"✔ {vm.CpuNote}", "  ");
            WriteEvidence(writer, vm.Evidence, style);
        }

        WriteAdvice(writer, entry, style);
    }

    /// <summary>Writes what explain knows: every errno with an entry and its calls, rsync's codes, the other topics.</summary>
    public static void WriteList(TextWriter writer, KnowledgeBase knowledge, ErrnoTable errnos)
    {
        foreach (var group in knowledge.All().GroupBy(e => e.Key))
        {
            var first = group.First();
            if (first.Topic.StartsWith("rsync", StringComparison.Ordinal) || first.Topic.StartsWith("guest", StringComparison.Ordinal))
            {
                writer.Write($"{(first.Key.StartsWith("rsync-", StringComparison.Ordinal) ? "rsync " + first.Key[6..] : "affinity"),-14} {first.Summary}\n");
                continue;
            }

            var calls = string.Join(", ", group.Select(e => e.Call == "*" ? "any call" : e.Call));
            var code = errnos.Find(group.Key);
            writer.Write($"{group.Key,-7}{(code is null ? "" : $"{code.Number,3}"),3}    for {calls}: {first.Summary}\n");
        }
    }

    private static void WriteEntry(TextWriter writer, KnowledgeEntry entry, TextStyle style)
    {
        writer.Write("\n");
        TextWrap.Write(writer, entry.Summary, "");
        if (entry.Why.Length > 0)
        {
            writer.Write($"\n{style.Bold("Why")}:\n");
            TextWrap.Write(writer, entry.Why, "  ");
        }

        if (entry.Sources.Count > 0)
        {
            writer.Write($"\n{style.Bold("Where it is decided")}:\n");
            foreach (var source in entry.Sources)
            {
                TextWrap.Write(writer, "- " + source, "  ");
            }
        }

        if (entry.Causes.Count > 0)
        {
            writer.Write($"\n{style.Bold("Common causes")}, most frequent first:\n");
            var n = 0;
            foreach (var cause in entry.Causes)
            {
                TextWrap.Write(writer, $"{++n}. {cause}", "  ");
            }
        }
    }

    private static void WriteHere(TextWriter writer, IReadOnlyList<ProbeResult> here, TextStyle style)
    {
        if (here.Count == 0)
        {
            return;
        }

        writer.Write($"\n{style.Bold("Here")}:\n");
        foreach (var result in here.OrderBy(r => r.Verdict))
        {
            var mark = result.Verdict switch
            {
                ProbeVerdict.Holds => style.Paint("✔ this holds:", "1;31"),
                ProbeVerdict.RuledOut => style.Paint("✘ not this:", "32"),
                ProbeVerdict.Unknown => style.Paint("? undecided:", "33"),
                _ => "- note:",
            };
            TextWrap.Write(writer, $"{mark} {result.Text}", "  ");
            WriteEvidence(writer, result.Evidence, style);
        }
    }

    private static void WriteEvidence(TextWriter writer, IReadOnlyList<Findings.Evidence> evidence, TextStyle style)
    {
        foreach (var ev in evidence)
        {
            writer.Write($"      {ev.Label}: {ev.Value}{(ev.Source is { } s ? style.Dim($" ({s})") : "")}\n");
        }
    }

    private static void WriteAdvice(TextWriter writer, KnowledgeEntry entry, TextStyle style)
    {
        if (entry.Advice.Length > 0)
        {
            writer.Write($"\n{style.Bold("What to do")}:\n");
            TextWrap.Write(writer, entry.Advice, "  ");
        }
    }
}
