using System.Security.Cryptography;

namespace HostDoc.KernelLog.Following;

/// <summary>
/// The first <see cref="Length"/> bytes of a log file, by SHA-256: what tells the same file apart
/// after a rename, a compression or a copy, and a new file apart from a reused inode. The length is
/// at most <see cref="MaxLength"/> and never past what was consumed, so the hashed bytes cannot change.
/// </summary>
/// <param name="Length">How many bytes were hashed (0: the file was empty).</param>
/// <param name="Sha256">Their hash, lower-case hex.</param>
public sealed record FileHead(int Length, string Sha256)
{
    /// <summary>The most bytes a head covers.</summary>
    public const int MaxLength = 4096;

    /// <summary>The head of no bytes.</summary>
    public static FileHead Empty { get; } = Of([]);

    /// <summary>The head over <paramref name="bytes"/>.</summary>
    public static FileHead Of(ReadOnlySpan<byte> bytes) => new(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>Reads up to <paramref name="length"/> bytes from the start of <paramref name="stream"/> (decompressed already) and hashes them; null when the stream is shorter.</summary>
    public static FileHead? Read(Stream stream, int length)
    {
        var buffer = new byte[length];
        var read = stream.ReadAtLeast(buffer, length, throwOnEndOfStream: false);
        return read < length ? null : Of(buffer);
    }
}
