using HostDoc.Sources;

namespace HostDoc.Proc;

/// <summary>
/// <c>/proc/cmdline</c>: the kernel command line as the boot loader passed it, split as the kernel's
/// next_arg() (lib/cmdline.c) splits it: on runs of blanks, except inside double quotes
/// (<c>dyndbg="file x +p"</c>). Parameters are kept in order and repeats kept (<c>console=</c> names
/// every console; for most others the last one wins).
/// </summary>
public sealed record Cmdline(IReadOnlyList<KernelParameter> Parameters)
{
    /// <summary>The kernel path.</summary>
    public const string KernelPath = "/proc/cmdline";

    /// <summary>Reads and parses the file.</summary>
    public static Sourced<Cmdline> Read(HostRoot root) => SourceReader.Read<Cmdline>(root, KernelPath, Parse);

    /// <summary>The values given for <paramref name="name"/>, in order (null for each bare flag).</summary>
    public IReadOnlyList<string?> ValuesOf(string name) => Parameters.Where(p => p.Name == name).Select(p => p.Value).ToArray();

    /// <summary>True when <paramref name="name"/> appears, as a flag or with a value.</summary>
    public bool Has(string name) => Parameters.Any(p => p.Name == name);

    /// <summary>Parses the line; any text is a command line, so there are no errors.</summary>
    public static ParseResult<Cmdline> Parse(ReadOnlySpan<char> text)
    {
        var parameters = new List<KernelParameter>();
        var at = 0;
        while (true)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            if (at == text.Length)
            {
                return new ParseResult<Cmdline>(new Cmdline(parameters), []);
            }

            var start = at;
            var quoted = false;
            while (at < text.Length && (quoted || !char.IsWhiteSpace(text[at])))
            {
                quoted ^= text[at] == '"';
                at++;
            }

            parameters.Add(Parameter(text[start..at]));
        }
    }

    private static KernelParameter Parameter(ReadOnlySpan<char> token)
    {
        var eq = token.IndexOf('=');
        if (eq < 0)
        {
            return new KernelParameter(token.Trim('"').ToString(), null);
        }

        var name = token[..eq].TrimStart('"');
        var value = token[(eq + 1)..];
        if (value.StartsWith('"'))
        {
            value = value[1..].TrimEnd('"');
        }

        return new KernelParameter(name.ToString(), value.ToString());
    }
}
