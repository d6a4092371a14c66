using System.Globalization;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>Small span helpers the recognizers share: device prefixes, numbers after a key, hex.</summary>
public static class MessageText
{
    /// <summary>Reads <c>ataN[.DD]: </c> at the start of <paramref name="message"/>.</summary>
    public static bool TryAtaPrefix(string message, out string device, out string rest)
    {
        device = "";
        rest = message;
        if (!message.StartsWith("ata", StringComparison.Ordinal))
        {
            return false;
        }

        var at = 3;
        while (at < message.Length && (char.IsAsciiDigit(message[at]) || message[at] == '.'))
        {
            at++;
        }

        if (at == 3 || at + 1 >= message.Length || message[at] != ':' || message[at + 1] != ' ' || !char.IsAsciiDigit(message[3]))
        {
            return false;
        }

        device = message[..at];
        rest = message[(at + 2)..].TrimStart();
        return true;
    }

    /// <summary>The word after <paramref name="key"/> (up to a space or comma), or null.</summary>
    public static string? WordAfter(string text, string key)
    {
        var at = text.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + key.Length;
        var end = start;
        while (end < text.Length && text[end] is not (' ' or ',' or ';'))
        {
            end++;
        }

        return end > start ? text[start..end] : null;
    }

    /// <summary>The unsigned decimal number after <paramref name="key"/>, or null.</summary>
    public static ulong? NumberAfter(string text, string key) =>
        WordAfter(text, key) is { } word && ulong.TryParse(word.TrimEnd('.', ')', ':', 's'), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The decimal number after <paramref name="key"/> as a signed integer (for typed members), or null.</summary>
    public static long? WholeNumberAfter(string text, string key) => NumberAfter(text, key) is { } n and <= long.MaxValue ? (long)n : null;

    /// <summary><paramref name="word"/> as a decimal integer (<paramref name="allowMinus"/>: a leading minus allowed), or null.</summary>
    public static long? WholeNumber(string? word, bool allowMinus = false) =>
        word is not null && long.TryParse(word, allowMinus ? NumberStyles.AllowLeadingSign : NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The hex number (<c>0x…</c> or bare) after <paramref name="key"/>, or null.</summary>
    public static ulong? HexAfter(string text, string key) => WordAfter(text, key) is { } word ? Hex(word) : null;

    /// <summary>Parses <c>0x1f</c> or <c>1f</c>; null when it is not hex.</summary>
    public static ulong? Hex(string word)
    {
        var digits = word.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? word[2..] : word;
        digits = digits.TrimEnd('.', ',', ')');
        return digits.Length is > 0 and <= 16 && ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The text between the first <paramref name="open"/> after <paramref name="from"/> and the next <paramref name="close"/>, or null.</summary>
    public static string? Between(string text, string open, char close, int from = 0)
    {
        var start = text.IndexOf(open, from, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = text.IndexOf(close, start);
        return end > start ? text[start..end] : null;
    }
}
