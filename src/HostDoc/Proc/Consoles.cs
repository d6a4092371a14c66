using HostDoc.Sources;
using HostDoc.Storage;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/consoles</c> (fs/proc/consoles.c): a line per registered console,
/// <c>ttyS0                -W- (EC  p a)    4:64</c>: the name with its index, the operations it has
/// (R read, W write, U unblank), its flags in parentheses (E enabled, C the preferred console, B a boot
/// console, p printk-buffer replay, a usable while CPUs come up) and the tty's device number when it has one.
/// </summary>
public static class Consoles
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/consoles";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<IReadOnlyList<ConsoleDevice>> Read(HostRoot root) => SourceReader.Read(root, KernelPath, Parse);

    /// <summary>Parses the text; a line without "NAME OPS (FLAGS)" is an error.</summary>
    public static ParseResult<IReadOnlyList<ConsoleDevice>> Parse(ReadOnlySpan<char> text)
    {
        var consoles = new List<ConsoleDevice>();
        var errors = new List<ParseError>();
        var number = 0;
        foreach (var raw in text.EnumerateLines())
        {
            number++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            var gap = line.IndexOfAny(' ', '\t');
            var open = line.IndexOf('(');
            var close = line.IndexOf(')');
            var ops = gap < 0 || open < gap ? [] : line[gap..open].Trim();
            if (gap <= 0 || open < 0 || close < open || ops.Length != 3)
            {
                errors.Add(ParseError.At(number, "\"NAME OPS (FLAGS) [MAJOR:MINOR]\" (ttyS0 -W- (EC p a) 4:64)", line));
                continue;
            }

            var flags = line[(open + 1)..close];
            var device = line[(close + 1)..].Trim();
            consoles.Add(new ConsoleDevice(line[..gap].ToString(), ops.Contains('R'), ops.Contains('W'), ops.Contains('U'),
                flags.Contains('E'), flags.Contains('C'), flags.Contains('B'), flags.Contains('p'), flags.Contains('a'),
                DeviceNumber.TryParse(device, out var n) ? n : null));
        }

        return new ParseResult<IReadOnlyList<ConsoleDevice>>(consoles, errors);
    }
}

/// <summary>One registered console.</summary>
/// <param name="Name">The console with its index (ttyS0, tty0, hvc0, netcon0).</param>
/// <param name="CanRead">R: it can be read from.</param>
/// <param name="CanWrite">W: kernel messages are written to it.</param>
/// <param name="CanUnblank">U: it can unblank the screen.</param>
/// <param name="Enabled">E: enabled.</param>
/// <param name="Preferred">C: the preferred console (/dev/console).</param>
/// <param name="Boot">B: a boot console, replaced once the real driver registers.</param>
/// <param name="ReplaysBuffer">p: replayed the printk buffer when registered.</param>
/// <param name="AnyTime">a: usable on CPUs not yet online.</param>
/// <param name="Device">The tty's device number, when it has one.</param>
public sealed record ConsoleDevice(string Name, bool CanRead, bool CanWrite, bool CanUnblank, bool Enabled, bool Preferred, bool Boot, bool ReplaysBuffer, bool AnyTime, DeviceNumber? Device);
