using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HostDoc.Serve.WebConfig;

/// <summary>
/// exporter-toolkit's web configuration (<c>--web.config.file</c>, the format node_exporter 1.5 reads):
/// <c>tls_server_config</c>, <c>http_server_config</c> (<c>http2</c>, <c>headers</c>) and
/// <c>basic_auth_users</c> (bcrypt hashes). Read strictly, as exporter-toolkit does: an unknown key, a
/// hash that is not bcrypt, a header it does not allow or a certificate that does not load is an error
/// that names the key, so a typo cannot silently turn TLS or authentication off. Relative paths are
/// resolved against the file's directory.
/// </summary>
/// <param name="Tls">TLS, or null for plain HTTP (no <c>cert_file</c>, <c>key_file</c>, auth type or CA given).</param>
/// <param name="Http2">Offer HTTP/2 (over TLS, by ALPN); fixed at start-up, as in exporter-toolkit.</param>
/// <param name="Headers">Response headers to add to every answer, 401s included.</param>
/// <param name="Users">User name → bcrypt hash; empty = no authentication.</param>
internal sealed partial record WebConfigFile(TlsServerConfig? Tls, bool Http2, IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyDictionary<string, string> Users)
{
    /// <summary>What serving without a file means: plain HTTP, no headers, no users.</summary>
    public static readonly WebConfigFile None = new(null, true, [], new Dictionary<string, string>());

    // exporter-toolkit's list: the only headers it lets a config set, with the values it accepts (null = any).
    private static readonly Dictionary<string, string[]?> AllowedHeaders = new(StringComparer.Ordinal)
    {
        ["Strict-Transport-Security"] = null,
        ["X-Content-Type-Options"] = ["nosniff"],
        ["X-Frame-Options"] = ["deny", "sameorigin"],
        ["X-XSS-Protection"] = null,
        ["Content-Security-Policy"] = null,
    };

    /// <summary>Reads and checks <paramref name="path"/>; the error is one line naming the file and the key.</summary>
    public static (WebConfigFile? Config, string? Error) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"web config {path}: {e.Message}");
        }

        try
        {
            return (Parse(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/"), null);
        }
        catch (WebConfigException e)
        {
            return (null, $"web config {path}: {e.Message}");
        }
        catch (YamlException e)
        {
            return (null, $"web config {path}: not YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
    }

    /// <summary>Parses <paramref name="text"/>, resolving relative files against <paramref name="directory"/>; throws <see cref="WebConfigException"/> or <see cref="YamlException"/>.</summary>
    public static WebConfigFile Parse(string text, string directory)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet's representation model refuses some event streams (an alias where a node must start, a key it cannot place) this way
            throw new WebConfigException($"not YAML this reader can use: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return None;
        }

        var root = Mapping(stream.Documents[0].RootNode, "the file");
        TlsServerConfig? tls = null;
        var http2 = true;
        var headers = new List<KeyValuePair<string, string>>();
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(root, "the file"))
        {
            switch (key)
            {
                case "tls_server_config":
                    tls = TlsServerConfig.Parse(value, directory);
                    break;
                case "http_server_config":
                    (http2, headers) = HttpServerConfig(value);
                    break;
                case "basic_auth_users":
                    foreach (var (user, hash) in Entries(value, "basic_auth_users"))
                    {
                        var h = Scalar(hash, $"basic_auth_users.{user}") ?? "";
                        if (!BcryptHash().IsMatch(h))
                        {
                            throw new WebConfigException($"basic_auth_users.{user}: not a bcrypt hash ($2y$10$ and 53 characters; make one with htpasswd -nBC 10 \"\" | tr -d ':')");
                        }

                        users[user] = h;
                    }

                    break;
                default:
                    throw new WebConfigException($"unknown key \"{key}\" (keys are tls_server_config, http_server_config, basic_auth_users)");
            }
        }

        return new WebConfigFile(tls, http2, headers, users);
    }

    private static (bool Http2, List<KeyValuePair<string, string>> Headers) HttpServerConfig(YamlNode node)
    {
        var http2 = true;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in Entries(node, "http_server_config"))
        {
            switch (key)
            {
                case "http2":
                    http2 = Boolean(value, "http_server_config.http2");
                    break;
                case "headers":
                    foreach (var (name, v) in Entries(value, "http_server_config.headers"))
                    {
                        if (!AllowedHeaders.TryGetValue(name, out var allowed))
                        {
                            throw new WebConfigException($"http_server_config.headers: HTTP header \"{name}\" can not be configured (allowed: {string.Join(", ", AllowedHeaders.Keys)})");
                        }

                        var text = Scalar(v, $"http_server_config.headers.{name}") ?? "";
                        if (allowed is not null && !allowed.Contains(text, StringComparer.OrdinalIgnoreCase))
                        {
                            throw new WebConfigException($"http_server_config.headers: invalid value for {name}: expected one of {string.Join(", ", allowed)}, got \"{text}\"");
                        }

                        headers.Add(new(name, text));
                    }

                    break;
                default:
                    throw new WebConfigException($"http_server_config: unknown key \"{key}\" (keys are http2, headers)");
            }
        }

        return (http2, headers);
    }

    /// <summary>The entries of a mapping, keys as text; a null node (a key with nothing after it) has none.</summary>
    internal static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node, string where)
    {
        if (node is YamlScalarNode scalar && Scalar(scalar, where) is null or "")
        {
            yield break;
        }

        foreach (var (key, value) in Mapping(node, where).Children)
        {
            yield return (Scalar(key, where) ?? "", value);
        }
    }

    internal static YamlMappingNode Mapping(YamlNode node, string where) =>
        node as YamlMappingNode ?? throw new WebConfigException($"{where}: expected a mapping (key: value lines), got {Describe(node)} at line {node.Start.Line}");

    /// <summary>A scalar's text; null for YAML's null (<c>~</c>, <c>null</c>, nothing).</summary>
    internal static string? Scalar(YamlNode node, string where)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw new WebConfigException($"{where}: expected a single value, got {Describe(node)} at line {node.Start.Line}");
        }

        return scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL" ? null : scalar.Value;
    }

    internal static bool Boolean(YamlNode node, string where) =>
        Scalar(node, where) switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            var other => throw new WebConfigException($"{where}: expected true or false, got \"{other}\""),
        };

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "a value",
    };

    [GeneratedRegex(@"^\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}$", RegexOptions.CultureInvariant)]
    private static partial Regex BcryptHash();
}
