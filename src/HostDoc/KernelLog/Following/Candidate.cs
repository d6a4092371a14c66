using HostDoc.KernelLog.Reading;
using Microsoft.Win32.SafeHandles;

namespace HostDoc.KernelLog.Following;

/// <summary>One file that may hold lines of a log: the log itself or a rotated sibling, as found now.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="Exists">False for a log whose name holds no file (yet).</param>
/// <param name="Identity">Device, inode and size when it was opened.</param>
/// <param name="Compressed">True when it starts with the gzip magic.</param>
/// <param name="Consumable">How far it may be read this run: the byte after its last newline for a file still
/// written to, null for a finished file (read to its end).</param>
/// <param name="Handle">The file as opened when the run began: everything is read through it, never by name again.</param>
internal sealed record Candidate(string Path, bool Exists, FileIdentity Identity, bool Compressed, long? Consumable, SafeFileHandle? Handle)
{
    /// <summary>The file at <paramref name="path"/> as a finished (rotated) candidate; null when it cannot be opened.</summary>
    public static Candidate? Of(string path)
    {
        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (FileIdentity.Of(handle) is not { } identity)
            {
                handle.Dispose();
                return null;
            }

            Span<byte> magic = stackalloc byte[2];
            var compressed = RandomAccess.Read(handle, magic, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            return new Candidate(path, true, identity, compressed, null, handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return null;
        }
    }

    /// <summary>A log name with no file behind it.</summary>
    public static Candidate Missing(string path) => new(path, false, default, false, 0, null);

    /// <summary>The whole file from its start, decompressed.</summary>
    public Stream Open() => LogFiles.Decompressed(new HandleStream(Handle ?? throw new FileNotFoundException("no such file", Path)));

    /// <summary>This candidate as the log itself: read up to its last complete line.</summary>
    public Candidate AsLog() => this with { Consumable = Exists ? LastNewline() : 0 };

    /// <summary>True when this file starts with <paramref name="mark"/>'s head and (uncompressed) holds at least its offset.</summary>
    public bool HeadMatches(FileMark mark)
    {
        if (!Compressed && Identity.Size < mark.Offset)
        {
            return false;
        }

        try
        {
            using var stream = Open();
            return FileHead.Read(stream, mark.Head.Length) == mark.Head;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The offset just past the last newline among the first <see cref="FileIdentity.Size"/> bytes; 0 when there is none.</summary>
    public long LastNewline()
    {
        var buffer = new byte[64 * 1024];
        for (var end = Identity.Size; end > 0 && Handle is { } handle;)
        {
            var start = Math.Max(0, end - buffer.Length);
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)(end - start)), start);
            var newline = buffer.AsSpan(0, read).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                return start + newline + 1;
            }

            end = start;
        }

        return 0;
    }

    /// <summary>How many bytes the file holds once decompressed.</summary>
    public long DecompressedLength()
    {
        if (!Compressed)
        {
            return Identity.Size;
        }

        using var stream = Open();
        var buffer = new byte[64 * 1024];
        long total = 0;
        while (stream.Read(buffer) is var n and > 0)
        {
            total += n;
        }

        return total;
    }
}
