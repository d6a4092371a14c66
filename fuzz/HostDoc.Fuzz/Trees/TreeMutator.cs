using System.Globalization;
using System.Text;

namespace HostDoc.Fuzz.Trees;

/// <summary>
/// Damages a copy of a captured tree the ways real trees and pastes get damaged: bytes flipped, lines
/// cut, shuffled, duplicated or dropped, numbers made huge or negative, a file emptied, truncated,
/// replaced by binary or by a 1 MiB line, a file turned into a directory or a symlink loop. Each
/// mutation is logged so a failing run can be described and replayed (the seed reproduces it).
/// </summary>
public sealed class TreeMutator(Random random)
{
    private static readonly string[] HugeNumbers = ["18446744073709551615", "18446744073709551616", "99999999999999999999999", "-1", "-9223372036854775808", "4294967296", "1e308", "NaN", "0"];

    /// <summary>Applies 1–4 mutations to random files under <paramref name="tree"/>; returns what it did.</summary>
    public IReadOnlyList<string> Mutate(string tree)
    {
        var files = Directory.EnumerateFiles(tree, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var done = new List<string>();
        if (files.Length == 0)
        {
            return done;
        }

        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var file = files[random.Next(files.Length)];
            if (new FileInfo(file) is not { Exists: true, LinkTarget: null })
            {
                continue;   // deleted, or made a directory or a symlink, by an earlier mutation
            }

            var what = MutateFile(file);
            done.Add($"{Path.GetRelativePath(tree, file)}: {what}");
        }

        return done;
    }

    private string MutateFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        switch (random.Next(14))
        {
            case 0:
                for (var i = random.Next(1, 9); i > 0 && bytes.Length > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                File.WriteAllBytes(file, bytes);
                return "bits flipped";
            case 1:
                File.WriteAllBytes(file, bytes[..random.Next(bytes.Length + 1)]);
                return "cut at a random byte";
            case 2:
                return Lines(file, lines => lines.OrderBy(_ => random.Next()).ToList(), "lines shuffled");
            case 3:
                return Lines(file, lines => lines.SelectMany(l => random.Next(4) == 0 ? new[] { l, l } : [l]).ToList(), "lines duplicated");
            case 4:
                return Lines(file, lines => lines.Where(_ => random.Next(4) != 0).ToList(), "lines dropped");
            case 5:
                return Lines(file, lines => lines.Select(l => random.Next(3) == 0 && l.Length > 0 ? l[..random.Next(l.Length)] : l).ToList(), "lines cut short");
            case 6:
                return Numbers(file);
            case 7:
                File.WriteAllBytes(file, []);
                return "emptied";
            case 8:
                var noise = new byte[random.Next(1, 4096)];
                random.NextBytes(noise);
                File.WriteAllBytes(file, noise);
                return "replaced by random bytes";
            case 9:
                File.WriteAllText(file, new string('9', 1 << 20) + "\n" + Encoding.Latin1.GetString(bytes));
                return "a 1 MiB line in front";
            case 10:
                File.Delete(file);
                Directory.CreateDirectory(file);
                return "replaced by a directory";
            case 11:
                File.Delete(file);
                File.CreateSymbolicLink(file, Path.GetFileName(file));
                return "replaced by a symlink to itself";
            case 12:
                File.Delete(file);
                return "deleted";
            default:
                return Lines(file, lines => lines.Select(l => random.Next(3) == 0 ? l.Replace(' ', '\t').Replace(":", "", StringComparison.Ordinal) : l).ToList(), "separators changed");
        }
    }

    private static string Lines(string file, Func<List<string>, List<string>> change, string what)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
        File.WriteAllBytes(file, Encoding.Latin1.GetBytes(string.Join('\n', change(text.Split('\n').ToList()))));
        return what;
    }

    private string Numbers(string file)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
        var builder = new StringBuilder(text.Length);
        var changed = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1])) && random.Next(3) == 0)
            {
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                builder.Append(HugeNumbers[random.Next(HugeNumbers.Length)]);
                changed++;
                i = end - 1;
                continue;
            }

            builder.Append(text[i]);
        }

        File.WriteAllBytes(file, Encoding.Latin1.GetBytes(builder.ToString()));
        return $"{changed.ToString(CultureInfo.InvariantCulture)} numbers made huge or negative";
    }
}
