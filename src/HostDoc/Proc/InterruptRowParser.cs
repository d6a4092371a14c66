using HostDoc.Sources;
namespace HostDoc.Proc;

/// <summary>Splits one /proc/interrupts row into counts and the chip/trigger/actions tail.</summary>
internal static class InterruptRowParser
{
    public static InterruptRow? TryParse(ReadOnlySpan<char> line, int cpuColumns)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var name = line[..colon].Trim().ToString();
        if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[(colon + 1)..];
        var counts = new ulong[Math.Max(cpuColumns, 1)];
        var found = 0;
        var at = 0;
        while (found < counts.Length)
        {
            // Hand-rolled: this loop runs for every CPU of every irq (256 × 1000 on a big host).
            var start = at;
            while (at < rest.Length && rest[at] == ' ')
            {
                at++;
            }

            ulong value = 0;
            var digits = 0;
            while (at < rest.Length && rest[at] is >= '0' and <= '9' && digits < 19)
            {
                value = unchecked((value * 10) + (ulong)(rest[at] - '0'));   // 19 digits cannot overflow
                at++;
                digits++;
            }

            if (digits == 0 || (at < rest.Length && rest[at] != ' '))
            {
                at = start;   // not a count: the chip/description starts here
                break;
            }

            counts[found++] = value;
        }

        var tail = rest[at..].Trim();
        if (found == 0 && name == "FIQ" && !tail.IsEmpty)
        {
            // arm's show_fiq_list prints the FIQ owner with no per-CPU counts: "FIQ:              usb_fiq".
            return new InterruptRow(name, [], 0, null, null, null, [tail.ToString()], tail.ToString());
        }

        if (found == 0)
        {
            return null;
        }

        if (name is "ERR" or "MIS" or "Err" && found == 1 && tail.IsEmpty)
        {
            return new InterruptRow(name, [], counts[0], null, null, null, []);
        }

        if (found < counts.Length)
        {
            Array.Resize(ref counts, found);
        }

        ulong total = 0;
        foreach (var count in counts)
        {
            total = Saturating.Add(total, count);
        }

        if (!char.IsAsciiDigit(name[0]))
        {
            return new InterruptRow(name, counts, total, null, null, null, tail.IsEmpty ? [] : [tail.ToString()], tail.ToString());
        }

        return Numbered(name, counts, total, tail);
    }

    private static InterruptRow Numbered(string name, ulong[] counts, ulong total, ReadOnlySpan<char> tail)
    {
        var tokens = Tokens(tail);
        if (tokens.Count == 0)
        {
            return new InterruptRow(name, counts, total, null, null, null, [], tail.ToString());
        }

        string chip;
        string? hwirq = null;
        string? trigger = null;
        var next = 1;
        if (tokens.Count > 1 && tokens[1].Dash > 0 && IsNumber(tokens[1].Text[..tokens[1].Dash]))
        {
            // 3.x+: "IO-APIC   5-edge", "PCI-MSIX-0000:00:01.0   0-edge"
            (chip, hwirq, trigger, next) = (tokens[0].Text, tokens[1].Text[..tokens[1].Dash], tokens[1].Text[(tokens[1].Dash + 1)..], 2);
        }
        else if (tokens.Count > 2 && IsNumber(tokens[1].Text) && tokens[2].Text is "Level" or "Edge" or "level" or "edge")
        {
            // aarch64: "GICv3  27 Level"
            (chip, hwirq, trigger, next) = (tokens[0].Text, tokens[1].Text, tokens[2].Text, 3);
        }
        else if (tokens[0].Text.LastIndexOf('-') is var dash and > 0)
        {
            // 2.6: "IO-APIC-edge", "XT-PIC-XT", "PCI-MSI-edge"
            (chip, trigger) = (tokens[0].Text[..dash], tokens[0].Text[(dash + 1)..]);
        }
        else
        {
            chip = tokens[0].Text;
        }

        var actionsText = next < tokens.Count ? tail[tokens[next].Start..].Trim().ToString() : "";
        var actions = actionsText.Length == 0 ? [] : actionsText.Split(", ", StringSplitOptions.RemoveEmptyEntries);
        return new InterruptRow(name, counts, total, chip, hwirq, trigger, actions, tail.Trim().ToString());
    }

    private static List<(string Text, int Start, int Dash)> Tokens(ReadOnlySpan<char> tail)
    {
        var tokens = new List<(string, int, int)>();
        var at = 0;
        while (at < tail.Length && tokens.Count < 4)   // chip, hwirq, trigger and the first action
        {
            while (at < tail.Length && tail[at] == ' ')
            {
                at++;
            }

            var end = at;
            while (end < tail.Length && tail[end] != ' ')
            {
                end++;
            }

            if (end > at)
            {
                var text = tail[at..end].ToString();
                tokens.Add((text, at, text.IndexOf('-', StringComparison.Ordinal)));
            }

            at = end;
        }

        return tokens;
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
