using System.Globalization;
using HostDoc.Tasks;

namespace HostDoc.Output;

/// <summary><c>hostdoc stuck</c>: tasks that stayed in D, grouped by identical kernel stack, with the wait explained.</summary>
public static class StuckWriter
{
    /// <summary>Writes the survey.</summary>
    public static void Write(TextWriter writer, StuckSurvey survey, TextStyle style)
    {
        var load = survey.Load is { } l ? string.Create(CultureInfo.InvariantCulture, $"load {l.One:0.00} {l.Five:0.00} {l.Fifteen:0.00}") : "load unknown";
        var io = survey.Io is { } p ? string.Create(CultureInfo.InvariantCulture, $", io pressure {p.Some.Avg10:0.##}% (some, 10 s)") : "";
        var mem = survey.Memory is { } m ? string.Create(CultureInfo.InvariantCulture, $", memory pressure {m.Some.Avg10:0.##}%") : "";
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"{style.Bold("hostdoc stuck")}: {survey.Samples} samples over {survey.SpanSeconds:0.0} s; {survey.InDNow} tasks in D now, {survey.Stuck.Count} in D every time; {load}{io}{mem}\n"));
        if (survey.Stuck.Count == 0)
        {
            writer.Write("No task stayed in uninterruptible sleep. (Load counts D tasks too; a high load with idle CPUs and nothing here was a passing wait.)\n");
            return;
        }

        foreach (var group in survey.Groups)
        {
            var tasks = group.ToArray();
            var first = tasks[0];
            writer.Write($"\n{style.Paint(first.Class.Id, "1;33")}: {tasks.Length} task{(tasks.Length == 1 ? "" : "s")} {first.Class.Title} (at {first.Site})\n");
            foreach (var t in tasks)
            {
                var kernel = t.IsKernelThread ? " [kernel thread]" : "";
                var blocked = t.BlockedSeconds is { } b ? string.Create(CultureInfo.InvariantCulture, $"off CPU {b:0.0} s")
                    : string.Create(CultureInfo.InvariantCulture, $"seen in D {t.SeenSeconds:0.0} s");
                var command = t.CommandLine.Length > 0 ? "  " + (t.CommandLine.Length > 60 ? t.CommandLine[..60] + "…" : t.CommandLine) : "";
                writer.Write($"  {t.Id.Tid,7} {t.Comm,-16}{kernel} {blocked}{command}\n");
                if (t.Target is { } target)
                {
                    writer.Write($"          waits on {target} — found by {target.How}\n");
                }
            }

            if (first.Frames is { Count: > 0 } frames)
            {
                foreach (var frame in frames)
                {
                    writer.Write($"      {style.Dim(frame.ToString())}\n");
                }
            }
            else
            {
                writer.Write($"      {style.Dim("wchan " + (first.Wchan ?? "?") + " (kernel stack not readable: run as root)")}\n");
            }

            TextWrap.Write(writer, "Why: " + first.Class.Explanation, "  ");
            TextWrap.Write(writer, "What to do: " + first.Class.Advice, "  ");
        }

        if (survey.HungTaskTimeoutSeconds is { } timeout)
        {
            writer.Write($"\nkernel.hung_task_timeout_secs = {timeout}{(timeout == 0 ? " (detector off)" : ": the kernel logs \"INFO: task … blocked for more than …\" past it")}\n");
        }
    }
}
