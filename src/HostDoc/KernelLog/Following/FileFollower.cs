using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Following;

/// <summary>
/// Finds where reading a log stopped, however it was rotated since: the log's name and its rotated
/// siblings (<c>L.1</c>, <c>L.2.gz</c>, <c>L-20261201</c>) are candidates, oldest first; the file holding
/// the last run's mark is found by identity and head hash — never by mtime or name — and read on from
/// the mark's offset, every newer candidate whole, the log itself last. That covers rename + create,
/// copytruncate (the copy has the old head, the log a new one), delayed compression (the head of the
/// decompressed file), dateext and several rotations between two runs. The log itself, and a rotated
/// file the writer may still be appending to, are read only up to their last complete line: a torn
/// last line is left for the next run.
/// </summary>
public static class FileFollower
{
    /// <summary>
    /// The segments to read from the log at <paramref name="path"/> after <paramref name="previous"/> (null on a first run:
    /// from the start when <paramref name="fromStart"/>, else nothing but the position at the end).
    /// </summary>
    public static FollowPlan Plan(string name, string path, FilePosition? previous, bool fromStart)
    {
        var candidates = Candidates(path);
        var log = candidates[^1];
        if (previous is null)
        {
            var start = fromStart ? 0 : log.Consumable ?? 0;
            return Finish(name, candidates, Existing([log], start), null);
        }

        // While the log was still empty, its head says nothing: the newest rotated file's mark comes first (right after
        // a rotation the writer may have gone on appending to it), and everything after it is read; with no rotated file
        // then, every rotated file now appeared since and is read whole.
        int at;
        long offset;
        if (previous.Current.Offset == 0)
        {
            (at, offset) = previous.Previous is { } before ? (Newest(candidates, before), before.Offset) : (0, 0);
        }
        else
        {
            (at, offset) = (Newest(candidates, previous.Current), previous.Current.Offset);
        }

        if (at < 0)
        {
            var mark = previous.Current.Offset == 0 && previous.Previous is { } p2 ? p2 : previous.Current;
            var lost = $"{name}: the file read up to byte {mark.Offset:N0} last time is gone (rotated out or replaced); " +
                "what was written to it after that run is lost, reading the current file from its start";
            return Finish(name, candidates, Existing([log], 0), lost);
        }

        return Finish(name, candidates, Existing(candidates.Skip(at), offset), null);
    }

    /// <summary>Segments over <paramref name="files"/> that exist: the first from <paramref name="offset"/>, the rest whole, each up to what may be consumed.</summary>
    private static List<FileSegment> Existing(IEnumerable<Candidate> files, long offset) =>
        files.Select((c, i) => (c, start: i == 0 ? offset : 0)).Where(x => x.c.Exists)
            .Select(x => new FileSegment(x.c.Path, x.start, x.c.Consumable is { } end ? Math.Max(x.start, end) : null, x.c.Compressed, x.c.Handle!)).ToList();

    /// <summary>Opens a segment as a stream of exactly its bytes (decompressed, the start skipped).</summary>
    public static Stream Open(FileSegment segment)
    {
        var stream = LogFiles.Decompressed(new HandleStream(segment.Handle));
        Skip(stream, segment.Start);
        return segment.End is { } end ? new BoundedStream(stream, end - segment.Start) : stream;
    }

    private static FollowPlan Finish(string name, List<Candidate> candidates, List<FileSegment> segments, string? lost)
    {
        var log = candidates[^1];
        var current = Mark(log, segments.Count > 0 && segments[^1].Path == log.Path ? segments[^1].End ?? 0 : 0);
        // An empty file has no head to know it by: with the log still empty, the newest rotated file that holds
        // something stands for where reading stopped (empty ones between it and the log have nothing to miss).
        FileMark? previous = null;
        for (var i = candidates.Count - 2; current.Offset == 0 && previous is null && i >= 0; i--)
        {
            var end = EndOf(candidates[i], segments);
            previous = end > 0 ? Mark(candidates[i], end) : null;
        }

        return new FollowPlan(segments, new FilePosition(name, current, previous), lost, candidates.Select(c => c.Handle).OfType<Microsoft.Win32.SafeHandles.SafeFileHandle>().ToArray());
    }

    /// <summary>Where reading <paramref name="candidate"/> ends this run: its segment's end, or (not read) what it holds.</summary>
    private static long EndOf(Candidate candidate, List<FileSegment> segments) =>
        segments.FirstOrDefault(s => s.Path == candidate.Path) is { } s ? s.End ?? candidate.DecompressedLength() : candidate.DecompressedLength();

    private static FileMark Mark(Candidate candidate, long offset)
    {
        if (!candidate.Exists)
        {
            return new FileMark(0, 0, FileHead.Empty, 0);
        }

        using var stream = candidate.Open();
        var length = (int)Math.Min(FileHead.MaxLength, offset);
        var head = FileHead.Read(stream, length) ?? FileHead.Empty;
        return new FileMark(candidate.Identity.Device, candidate.Identity.Inode, head, offset);
    }

    /// <summary>The newest candidate that is the file of <paramref name="mark"/>; -1 when none is.</summary>
    private static int Newest(List<Candidate> candidates, FileMark mark)
    {
        for (var i = candidates.Count - 1; i >= 0; i--)
        {
            var c = candidates[i];
            var sameFile = c.Identity.Device == mark.Device && c.Identity.Inode == mark.Inode;
            if (c.Exists && (mark.Head.Length == 0 ? sameFile && !c.Compressed : c.HeadMatches(mark)))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Skip(Stream stream, long bytes)
    {
        if (stream.CanSeek)
        {
            stream.Seek(bytes, SeekOrigin.Current);
            return;
        }

        var buffer = new byte[64 * 1024];
        while (bytes > 0 && stream.Read(buffer, 0, (int)Math.Min(buffer.Length, bytes)) is var n and > 0)
        {
            bytes -= n;
        }
    }

    /// <summary>The log and its rotated siblings, oldest first, the log last (present or not).</summary>
    private static List<Candidate> Candidates(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileName(path);
        var siblings = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, name + "*").Where(f => IsRotated(Path.GetFileName(f), name)).ToArray()
            : [];
        // While logrotate compresses X, both X and a partial X.gz exist: X is the whole of it.
        siblings = siblings.Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) || !siblings.Contains(f[..^3])).ToArray();
        var ordered = LogFiles.InRotationOrder(siblings.Append(path)).Where(p => p != path).Append(path);
        var list = ordered.Select(Candidate.Of).OfType<Candidate>().ToList();
        if (list.Count == 0 || list[^1].Path != path)
        {
            list.Add(Candidate.Missing(path));
        }

        list[^1] = list[^1].AsLog();
        // The newest rotated file may still be written to until the writer reopens the log: while the log is
        // empty, it too is read only up to its last complete line.
        if (list.Count > 1 && list[^1].Identity.Size == 0 && !list[^2].Compressed)
        {
            list[^2] = list[^2] with { Consumable = list[^2].LastNewline() };
        }

        return list;
    }

    /// <summary>logrotate's names for a rotated <paramref name="log"/>: <c>log.N</c>, <c>log.N.gz</c>, <c>log-YYYYMMDD[HH]</c>, <c>log-YYYYMMDD.gz</c>.</summary>
    private static bool IsRotated(string file, string log)
    {
        if (file.Length <= log.Length + 1 || !file.StartsWith(log, StringComparison.Ordinal))
        {
            return false;
        }

        var suffix = file[log.Length..];
        suffix = suffix.EndsWith(".gz", StringComparison.Ordinal) ? suffix[..^3] : suffix;
        return suffix.Length > 1 && suffix[0] is '.' or '-' && suffix[1..].All(char.IsAsciiDigit)
            && (suffix[0] == '.' || suffix.Length - 1 is 8 or 10);
    }
}
