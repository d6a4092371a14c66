using System.Runtime.InteropServices;

namespace HostDoc.Checks.CheckDisk;

/// <summary>
/// POSIX extended regular expressions through libc's regcomp(3), as check_disk uses them for
/// -r/-R/-i/-I: the same syntax, the same matches and the same error texts (.NET's regex dialect
/// differs, and a drop-in must accept exactly what its configuration files already contain).
/// </summary>
public sealed partial class PosixRegex : IDisposable
{
    private const int Extended = 1;      // REG_EXTENDED
    private const int IgnoreCase = 2;    // REG_ICASE
    private const int NoSubexpressions = 8; // REG_NOSUB

    // regex_t is 64 bytes on glibc/musl x86_64 and aarch64; allocate generously.
    private readonly IntPtr _compiled = Marshal.AllocHGlobal(256);
    private bool _disposed;

    private PosixRegex()
    {
    }

    /// <summary>Compiles <paramref name="pattern"/>; on failure <paramref name="error"/> holds regerror's text.</summary>
    public static PosixRegex? TryCompile(string pattern, bool ignoreCase, out string error)
    {
        var regex = new PosixRegex();
        var code = regcomp(regex._compiled, pattern, Extended | NoSubexpressions | (ignoreCase ? IgnoreCase : 0));
        if (code == 0)
        {
            error = "";
            return regex;
        }

        var buffer = new byte[256];
        var length = (int)regerror(code, regex._compiled, buffer, (nuint)buffer.Length);
        error = System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Max(0, Math.Min(length, buffer.Length) - 1));
        Marshal.FreeHGlobal(regex._compiled);
        regex._disposed = true;
        return null;
    }

    /// <summary>True when the pattern matches somewhere in <paramref name="text"/>.</summary>
    public bool IsMatch(string text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return regexec(_compiled, text, 0, IntPtr.Zero, 0) == 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            regfree(_compiled);
            Marshal.FreeHGlobal(_compiled);
            _disposed = true;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int regcomp(IntPtr preg, string pattern, int cflags);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int regexec(IntPtr preg, string text, nuint nmatch, IntPtr pmatch, int eflags);

    [LibraryImport("libc")]
    private static partial nuint regerror(int errcode, IntPtr preg, [Out] byte[] errbuf, nuint errbufSize);

    [LibraryImport("libc")]
    private static partial void regfree(IntPtr preg);
}
