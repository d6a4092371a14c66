using System.Globalization;

namespace HostDoc.Storage;

/// <summary>
/// A tmpfs <c>size=</c> value as mm/shmem.c reads it: a number with an optional memparse suffix
/// (k, m, g, t, p, e, either case, powers of 1024) or <c>N%</c> of RAM; 0 means unlimited. The kernel
/// rounds the size up to whole pages.
/// </summary>
/// <param name="Bytes">The size in bytes (0 = unlimited).</param>
/// <param name="Text">The text as given.</param>
public readonly record struct TmpfsSize(ulong Bytes, string Text)
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="ramBytes"/> resolves a percentage.</summary>
    public static bool TryParse(string text, ulong ramBytes, out TmpfsSize size, out string error)
    {
        size = default;
        error = "";
        var s = text.Trim();
        if (s.EndsWith('%'))
        {
            if (!ulong.TryParse(s[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent > 100_000)
            {
                error = $"\"{text}\" is not a percentage of RAM (N%)";
                return false;
            }

            size = new TmpfsSize(ramBytes / 100 * percent + (ramBytes % 100 * percent / 100), text);
            return true;
        }

        var digits = s.TrimEnd("kKmMgGtTpPeE".ToCharArray());
        var suffix = s[digits.Length..];
        if (suffix.Length > 1 || !ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            error = $"\"{text}\" is not a size (a number with k, m, g, t, p or e, or N%)";
            return false;
        }

        var shift = suffix.ToLowerInvariant() switch { "k" => 10, "m" => 20, "g" => 30, "t" => 40, "p" => 50, "e" => 60, _ => 0 };
        if (shift > 0 && number > ulong.MaxValue >> shift)
        {
            error = $"\"{text}\" is larger than 64 bits";
            return false;
        }

        size = new TmpfsSize(number << shift, text);
        return true;
    }
}
