using System.Text;
using HostDoc.KernelLog;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Incidents;

namespace HostDoc.Tests.KernelLog;

/// <summary>Runs the analyzer over fixture files or text, as <c>hostdoc logs</c> does.</summary>
internal static class LogAnalysis
{
    public static readonly AscAscqTable Table = AscAscqTable.Load();

    /// <summary>The year files are taken to be written in (syslog lines carry none).</summary>
    public static readonly DateTime Written = new(2014, 3, 18, 16, 0, 0);

    public static string Path(string name) => System.IO.Path.Combine(Fixtures.RepoRoot, "tests", "fixtures", "logs", name);

    public static KernelLogAnalysis OfFiles(params string[] names)
    {
        var analyzer = new KernelLogAnalyzer(Table);
        foreach (var name in names)
        {
            using var stream = HostDoc.KernelLog.Reading.LogFiles.Open(Path(name));
            analyzer.Read(name, stream, Written);
        }

        return analyzer.Finish();
    }

    public static KernelLogAnalysis OfText(string text, DateTime? since = null, DateTime? until = null)
    {
        var analyzer = new KernelLogAnalyzer(Table, since, until);
        analyzer.Read("test", new MemoryStream(Encoding.UTF8.GetBytes(text)), Written);
        return analyzer.Finish();
    }

    public static Incident Single(KernelLogAnalysis analysis)
    {
        Xunit.Assert.True(analysis.Incidents.Count == 1,
            $"expected one incident, got {analysis.Incidents.Count}: {string.Join(" | ", analysis.Incidents.Select(i => i.Id + " " + i.Summary))}");
        return analysis.Incidents[0];
    }
}
