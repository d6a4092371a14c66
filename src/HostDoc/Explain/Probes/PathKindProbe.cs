using HostDoc.Findings;
using HostDoc.Roots;

namespace HostDoc.Explain.Probes;

/// <summary>EEXIST: what is at the name (file, directory, a dangling symbolic link), as the kernel's lookup sees it.</summary>
public sealed class PathKindProbe : IProbe
{
    /// <inheritdoc />
    public string Name => "path-kind";

    /// <inheritdoc />
    public IReadOnlyList<ProbeResult> Run(HostModel host, ExplainRequest request)
    {
        if (ProbePath.Absolute(host.Root, request) is not { } path)
        {
            return [];
        }

        var kind = PathKind.Of(host.Root, path);
        var evidence = new List<Evidence> { new("at the name", kind.Describe(), path) };
        evidence.AddRange(kind.Links.Select(l => new Evidence("symbolic link", l)));
        if (!kind.Exists)
        {
            var parent = KernelPath.Parent(path);
            var parentKind = PathKind.Of(host.Root, parent);
            evidence.Add(new("parent", parentKind.Describe(), parent));
            return
            [
                new(Name, ProbeVerdict.RuledOut, parentKind.FinalIsDirectory
                    ? $"nothing is at {path} now, so creating it would not fail with EEXIST (it may have been there and gone since)"
                    : $"nothing is at {path}, and its parent {parent} is {parentKind.Describe()}: the call would fail with ENOENT or ENOTDIR, not EEXIST", evidence),
            ];
        }

        var text = kind switch
        {
            { Dangling: true } => $"{path} is a symbolic link to {kind.Final}, which does not exist: the link itself is the dentry with an inode, so mkdir and O_CREAT|O_EXCL fail with EEXIST although test -e says no",
            { Loop: true } => $"{path} is a symbolic link that loops; the link itself exists, so creating the name fails with EEXIST",
            { FinalIsDirectory: true } => $"{path} is {kind.Describe()} already: a second mkdir of it fails with EEXIST (mkdir -p would accept it)",
            _ => $"{path} is {kind.Describe()}: a name taken by something that is not a directory, so mkdir fails with EEXIST and mkdir -p with \"File exists\" too",
        };
        return [new(Name, ProbeVerdict.Holds, text, evidence)];
    }
}
