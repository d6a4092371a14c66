using System.Security.Cryptography;
using System.Text;

namespace HostDoc.Serve.WebConfig;

/// <summary>
/// <c>basic_auth_users</c> checked on each request: the Authorization header's user and password
/// against the user's bcrypt hash. A user name that is not configured is still put through bcrypt (a
/// hash made once at the users' cost), so the answer's timing does not tell which names exist. The
/// last verdicts are remembered (keyed by a SHA-256 of user, hash and password, never the password
/// itself), so a scraper that sends the same credentials every 15 s pays for bcrypt once; bcrypt itself
/// runs one at a time, so a flood of wrong passwords costs one core at most.
/// </summary>
internal sealed class BasicAuth
{
    private const int Remembered = 100;
    private readonly IReadOnlyDictionary<string, string> users;
    private readonly Lazy<string> decoy;
    private readonly Lock bcrypt = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, bool> verdicts = new(StringComparer.Ordinal);

    public BasicAuth(IReadOnlyDictionary<string, string> users)
    {
        this.users = users;
        var cost = users.Values.Select(h => int.TryParse(h.AsSpan(h.IndexOf('$', 1) + 1, 2), out var c) ? c : 10).DefaultIfEmpty(10).Max();
        decoy = new Lazy<string>(() => BCrypt.Net.BCrypt.HashPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Math.Clamp(cost, 4, 31)));
    }

    /// <summary>True when no users are configured.</summary>
    public bool IsOpen => users.Count == 0;

    /// <summary>Whether <paramref name="authorization"/> (the header's value, or null) carries a configured user's password.</summary>
    public bool Allows(string? authorization)
    {
        if (IsOpen)
        {
            return true;
        }

        if (!TryDecode(authorization, out var user, out var password))
        {
            return false;
        }

        var known = users.TryGetValue(user, out var hash);
        hash ??= decoy.Value;
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}\0{hash}\0{password}")));
        lock (gate)
        {
            if (verdicts.TryGetValue(key, out var remembered))
            {
                return remembered && known;
            }
        }

        bool valid;
        lock (bcrypt)
        {
            valid = Verify(password, hash);
        }

        lock (gate)
        {
            if (verdicts.Count >= Remembered)
            {
                foreach (var old in verdicts.Keys.Take((Remembered / 10) + 1).ToArray())
                {
                    verdicts.Remove(old);
                }
            }

            verdicts[key] = valid;
        }

        return valid && known;
    }

    private static bool Verify(string password, string hash)
    {
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }

    private static bool TryDecode(string? header, out string user, out string password)
    {
        user = password = "";
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[512];
        if (!Convert.TryFromBase64String(header[6..].Trim(), bytes, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        (user, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
