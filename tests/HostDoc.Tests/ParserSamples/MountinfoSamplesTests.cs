using HostDoc.Proc.Pid;
using Xunit;

namespace HostDoc.Tests.ParserSamples;

/// <summary>/proc/PID/mountinfo samples through <see cref="Mountinfo.Parse"/>.</summary>
public sealed class MountinfoSamplesTests
{
    private const string Kind = "mountinfo";

    private static readonly string[] Fields =
        ["source", "fstype", "super_options", "optional_fields", "optional", "major_minor", "devno", "mount_id", "parent_id",
         "mount_point", "target", "options", "root"];

    public static TheoryData<string> Files => Samples.Files(Kind);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_as_its_source_says(string file)
    {
        var result = Mountinfo.Parse(Samples.Text(Kind, file));
        Assert.True(result.Success, $"{file}: {string.Join("; ", result.Errors)}");
        foreach (var e in Samples.Expected(Kind, file))
        {
            Check(result.Value.Entries, e);
        }
    }

    [Fact]
    public void The_insights_sample_with_two_nfs_lines_cut_mid_option_is_read()
    {
        // 001 was cut by the test's author ("…,timeo=600,ret", "wsize=32"), not by the kernel. Decision:
        // read it; each cut line still has every field, only its last super option is short.
        var mounts = Mountinfo.Parse(Samples.Text(Kind, "001.txt"));
        Assert.True(mounts.Success, string.Join("; ", mounts.Errors));
        Assert.Equal("ret", mounts.Value.Entries.Single(m => m.MountPoint == "/shared/dir1").SuperOptions[^1]);
        Assert.Equal("wsize=32", mounts.Value.Entries.Single(m => m.MountPoint == "/shared/dir2").SuperOptions[^1]);
    }

    private static void Check(IReadOnlyList<MountinfoEntry> mounts, Expected e)
    {
        switch (e.Key)
        {
            case "count":
                Assert.True(e.Number == (ulong)mounts.Count, $"{e}: {mounts.Count}");
                return;
            case "rows_with_fstype_nfs":
                Assert.True(e.Number == (ulong)mounts.Count(m => m.FsType == "nfs"), e.ToString());
                return;
            case "fstype_pstore_rows":
                Assert.True(e.Number == (ulong)mounts.Count(m => m.FsType == "pstore"), e.ToString());
                return;
            case "mount_points_with_prefix_/sys":
                Assert.True(e.Number == (ulong)mounts.Count(m => m.MountPoint.StartsWith("/sys", StringComparison.Ordinal)), e.ToString());
                return;
            case "line1.procfs_reading":
                // procfs reads 011's "/  /root" (two spaces) as an empty mount point; hostdoc collapses the run
                // before " - " (the kernel escapes every space in a path, so a run there is never data).
                Assert.Equal(("/", "/root", "rw,nosuid"), (mounts[0].Root, mounts[0].MountPoint, string.Join(',', mounts[0].MountOptions)));
                return;
        }

        var (mount, field) = Subject(mounts, e.Key);
        var value = Describe(e.Value);
        switch (field)
        {
            case "source":
                Assert.Equal(value is "(empty string)" or "(none/empty)" ? "" : value, mount.Source);
                return;
            case "fstype":
                Assert.Equal(value, mount.FsType);
                return;
            case "super_options" when e.Source.StartsWith("procfs", StringComparison.Ordinal):
                Assert.Equal(value.Split(' ').Order(StringComparer.Ordinal), mount.SuperOptions.Order(StringComparer.Ordinal));
                return;
            case "super_options" when e.Value.Contains("moby keeps only up to the first raw space", StringComparison.Ordinal):
                // CIFS prints unc= unescaped; hostdoc keeps the whole option where moby cuts it at the space.
                Assert.StartsWith(value, string.Join(',', mount.SuperOptions), StringComparison.Ordinal);
                Assert.Contains(@"unc=\\foo\BLA BLA BLA", mount.SuperOptions);
                Assert.Equal("actimeo=1", mount.SuperOptions[^1]);
                return;
            case "super_options":
                Assert.Equal(value, string.Join(',', mount.SuperOptions));
                return;
            case var f when f.StartsWith("super_options.", StringComparison.Ordinal):
                var name = f["super_options.".Length..];
                if (value == "present, no value")
                {
                    Assert.Contains(name, mount.SuperOptions);
                }
                else
                {
                    Assert.Equal(value, mount.SuperOption(name));
                }

                return;
            case "optional" or "optional_fields":
                Assert.Equal(value is "(none)" or "(empty)" ? "" : value, string.Join(' ', mount.OptionalFields));
                return;
            case "major_minor" or "devno":
                Assert.Equal(value, mount.Device.ToString());
                return;
            case "mount_id":
                Assert.Equal(value, mount.MountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            case "parent_id":
                Assert.Equal(value, mount.ParentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            case "mount_point" or "target":
                Assert.Equal(value, mount.MountPoint);
                return;
            case "root":
                Assert.Equal(value == "same as mount_point" ? mount.MountPoint : value, mount.Root);
                return;
            case "options":
                Assert.Equal(value, string.Join(',', mount.MountOptions));
                return;
        }

        Assert.Fail($"no mapping for {e}");
    }

    /// <summary>Finds the mount a key names: a mount id, idNN, "first", a mount point, or the only row.</summary>
    private static (MountinfoEntry Mount, string Field) Subject(IReadOnlyList<MountinfoEntry> mounts, string key)
    {
        if (Fields.Contains(key) || key.StartsWith("super_options.", StringComparison.Ordinal))
        {
            return (Assert.Single(mounts), key);
        }

        foreach (var field in Fields)
        {
            var at = key.IndexOf("." + field, StringComparison.Ordinal);
            var after = at < 0 ? "" : key[(at + field.Length + 1)..];
            if (at > 0 && (after.Length == 0 || after[0] == '.'))
            {
                var subject = key[..at];
                var mount = subject == "first" ? mounts[0]
                    : subject.StartsWith('/') ? mounts.Single(m => m.MountPoint == subject)
                    : mounts.Single(m => m.MountId == int.Parse(subject.TrimStart('i', 'd'), System.Globalization.CultureInfo.InvariantCulture));
                return (mount, key[(at + 1)..]);
            }
        }

        throw new InvalidOperationException($"no subject in {key}");
    }

    /// <summary>The literal of an expected value: control characters spelt out, a closing "(…)" note dropped.</summary>
    private static string Describe(string value)
    {
        var note = value.EndsWith(')') && !value.StartsWith('(') ? value.LastIndexOf(" (", StringComparison.Ordinal) : -1;
        var literal = note > 0 && !value.EndsWith("(none/empty)", StringComparison.Ordinal) ? value[..note] : value;
        return literal.Replace("<LF>", "\n", StringComparison.Ordinal).Replace("<TAB>", "\t", StringComparison.Ordinal);
    }
}
