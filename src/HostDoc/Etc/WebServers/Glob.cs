namespace HostDoc.Etc.WebServers;

/// <summary>fnmatch(3) for one path component: <c>*</c>, <c>?</c> and bracket sets (<c>[abc]</c>, <c>[a-z]</c>, <c>[!x]</c>).</summary>
internal static class Glob
{
    /// <summary>True when <paramref name="name"/> matches <paramref name="pattern"/>.</summary>
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (p < pattern.Length && Single(pattern, ref p, name[n]))
            {
                n++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Matches one character at <paramref name="p"/> (a literal, ?, or a bracket set) and moves past it when it matches.</summary>
    private static bool Single(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        if (pattern[p] == '?')
        {
            p++;
            return true;
        }

        if (pattern[p] == '[' && BracketEnd(pattern, p) is var close and > 0)
        {
            var first = p + 1;
            var negate = pattern[first] is '!' or '^';
            var members = pattern[(negate ? first + 1 : first)..close];
            var hit = false;
            for (var i = 0; i < members.Length; i++)
            {
                if (i + 2 < members.Length && members[i + 1] == '-')
                {
                    hit |= c >= members[i] && c <= members[i + 2];
                    i += 2;
                }
                else
                {
                    hit |= members[i] == c;
                }
            }

            if (hit == negate)
            {
                return false;
            }

            p = close + 1;
            return true;
        }

        if (pattern[p] == c)
        {
            p++;
            return true;
        }

        return false;
    }

    /// <summary>The index of the <c>]</c> closing the set opened at <paramref name="open"/> (a <c>]</c> right after <c>[</c> or <c>[!</c> is a member), or -1.</summary>
    private static int BracketEnd(ReadOnlySpan<char> pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        var close = i < pattern.Length ? pattern[i..].IndexOf(']') : -1;
        return close < 0 ? -1 : i + close;
    }
}
