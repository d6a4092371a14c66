using System.Globalization;
using HostDoc.Proc.Pid;
using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Collect;

/// <summary>
/// statvfs of the live host, each mount asked once (later questions get the first answer, so every command in the
/// collection sees one moment), written out as the tree's <c>hostdoc/statvfs</c> table; a mount that did not answer in
/// time is a <c>hang</c> line, as the tree format has it.
/// </summary>
/// <param name="timeout">How long one statvfs may take.</param>
public sealed class CaptureStatvfs(TimeSpan timeout) : IStatvfs
{
    private readonly LiveStatvfs _live = new(timeout);
    private readonly Dictionary<string, Sourced<FsStats>> _answers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Sourced<FsStats> Query(string mountPoint, string fsType) => QueryAll([(mountPoint, fsType)])[0];

    /// <inheritdoc />
    public IReadOnlyList<Sourced<FsStats>> QueryAll(IReadOnlyList<(string MountPoint, string FsType)> mounts)
    {
        var ask = mounts.Where(m => !_answers.ContainsKey(m.MountPoint)).DistinctBy(m => m.MountPoint).ToArray();
        if (ask.Length > 0)
        {
            var answers = _live.QueryAll(ask);
            for (var i = 0; i < ask.Length; i++)
            {
                _answers[ask[i].MountPoint] = answers[i];
            }
        }

        return mounts.Select(m => _answers[m.MountPoint]).ToArray();
    }

    /// <summary>The table, and the problems of mounts that answered with an error (they have no line).</summary>
    public string Table(out IReadOnlyList<SourceProblem> problems)
    {
        var lines = new List<string>();
        var failed = new List<SourceProblem>();
        foreach (var (mountPoint, answer) in _answers)
        {
            if (answer.Value is { } s)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Mountinfo.Escape(mountPoint)} {s.FragmentSize} {s.Blocks} {s.BlocksFree} {s.BlocksAvailable} {s.Files} {s.FilesFree} {s.FilesAvailable} {(s.ReadOnly ? "ro" : "rw")}"));
            }
            else if (answer.Problems is [{ Kind: ProblemKind.Timeout }, ..])
            {
                lines.Add(Mountinfo.Escape(mountPoint) + " hang");
                failed.Add(answer.Problems[0]);
            }
            else
            {
                failed.AddRange(answer.Problems);
            }
        }

        problems = failed;
        return string.Concat(lines.Select(l => l + "\n"));
    }
}
