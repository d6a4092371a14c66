using HostDoc.Sources;

namespace HostDoc.Proc.Sys.Vm;

/// <summary>
/// The writeback sysctls under <c>/proc/sys/vm/</c> (Documentation/admin-guide/sysctl/vm.rst):
/// dirty_ratio, dirty_background_ratio, dirty_bytes, dirty_background_bytes (2.6.29+; a non-zero
/// <c>*_bytes</c> overrides its ratio, and writing one zeroes the other), dirty_expire_centisecs
/// and dirty_writeback_centisecs. A file this kernel lacks is null.
/// </summary>
public sealed record DirtySysctls(
    ulong? DirtyRatio,
    ulong? DirtyBackgroundRatio,
    ulong? DirtyBytes,
    ulong? DirtyBackgroundBytes,
    ulong? DirtyExpireCentisecs,
    ulong? DirtyWritebackCentisecs)
{
    /// <summary>The directory the files live in.</summary>
    public const string Directory = "/proc/sys/vm/";

    /// <summary>Reads the six files; a missing or malformed one becomes a problem and a null field.</summary>
    public static Sourced<DirtySysctls> Read(HostRoot root)
    {
        var problems = new List<SourceProblem>();
        ulong? Get(string name, bool olderKernelsLack = false)
        {
            var path = Directory + name;
            var text = root.ReadText(path, 256);
            if (text.Value is null)
            {
                if (!olderKernelsLack || text.Problems.Any(p => p.Kind != ProblemKind.Missing))
                {
                    problems.AddRange(text.Problems);
                }

                return null;
            }

            if (KernelNumber.TryParseUnsigned(text.Value.AsSpan().Trim(), out var value))
            {
                return value;
            }

            problems.Add(SourceProblem.FromParse(path, ParseError.At(1, "a non-negative integer", text.Value.AsSpan().Trim(), name)));
            return null;
        }

        var sysctls = new DirtySysctls(
            Get("dirty_ratio"),
            Get("dirty_background_ratio"),
            Get("dirty_bytes", olderKernelsLack: true),
            Get("dirty_background_bytes", olderKernelsLack: true),
            Get("dirty_expire_centisecs"),
            Get("dirty_writeback_centisecs"));
        var usable = sysctls.DirtyRatio is not null && sysctls.DirtyBackgroundRatio is not null;
        return problems.Count == 0 ? Sourced<DirtySysctls>.Of(sysctls)
            : usable ? Sourced<DirtySysctls>.Partial(sysctls, problems)
            : Sourced<DirtySysctls>.Failed(problems);
    }
}
