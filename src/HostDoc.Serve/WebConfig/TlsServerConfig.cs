using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using YamlDotNet.RepresentationModel;

namespace HostDoc.Serve.WebConfig;

/// <summary>
/// <c>tls_server_config</c>: the server's certificate and key (PEM; the certificate file may carry the
/// chain after the leaf), client certificates, and the protocol versions and cipher suites offered.
/// The certificate is loaded while the file is read, so a bad one stops start-up or a reload, never a
/// handshake. <c>curve_preferences</c> is checked but cannot be applied (.NET on OpenSSL offers no
/// per-server group list), and TLS 1.0/1.1 are not offered: <see cref="Notices"/> says so.
/// </summary>
internal sealed class TlsServerConfig
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private static readonly string[] Versions = ["TLS10", "TLS11", "TLS12", "TLS13"];
    private static readonly string[] Curves = ["CurveP256", "CurveP384", "CurveP521", "X25519"];

    // TLS 1.3's suites are not configurable in Go's crypto/tls, so a cipher_suites list never removes them.
    private static readonly TlsCipherSuite[] Tls13Suites = [TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];

    private readonly SslStreamCertificateContext certificate;
    private readonly X509Certificate2Collection clientCas;
    private readonly SslProtocols protocols;
    private readonly CipherSuitesPolicy? ciphers;

    private TlsServerConfig(string certFile, string keyFile, ClientAuthType clientAuth, string? clientCaFile, SslProtocols protocols, CipherSuitesPolicy? ciphers, IReadOnlyList<string> notices)
    {
        CertFile = certFile;
        KeyFile = keyFile;
        ClientAuth = clientAuth;
        ClientCaFile = clientCaFile;
        this.protocols = protocols;
        this.ciphers = ciphers;
        Notices = notices;
        certificate = LoadCertificate(certFile, keyFile);
        clientCas = clientCaFile is null ? [] : LoadClientCas(clientCaFile);
    }

    public string CertFile { get; }

    public string KeyFile { get; }

    public ClientAuthType ClientAuth { get; }

    public string? ClientCaFile { get; }

    /// <summary>Settings accepted but not applied as written, one line each, for the log.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>The files whose change means a reload.</summary>
    public IEnumerable<string> Files => ClientCaFile is null ? [CertFile, KeyFile] : [CertFile, KeyFile, ClientCaFile];

    /// <summary>Parses the <c>tls_server_config</c> mapping; null when it names no certificate, key, auth type or CA (exporter-toolkit then serves plain HTTP).</summary>
    public static TlsServerConfig? Parse(YamlNode node, string directory)
    {
        string? cert = null, key = null, ca = null, auth = null, min = null, max = null;
        var suites = new List<string>();
        var curves = new List<string>();
        foreach (var (k, v) in WebConfigFile.Entries(node, "tls_server_config"))
        {
            var where = $"tls_server_config.{k}";
            switch (k)
            {
                case "cert_file": cert = WebConfigFile.Scalar(v, where); break;
                case "key_file": key = WebConfigFile.Scalar(v, where); break;
                case "client_ca_file": ca = WebConfigFile.Scalar(v, where); break;
                case "client_auth_type": auth = WebConfigFile.Scalar(v, where); break;
                case "min_version": min = WebConfigFile.Scalar(v, where); break;
                case "max_version": max = WebConfigFile.Scalar(v, where); break;
                case "cipher_suites": suites.AddRange(List(v, where)); break;
                case "curve_preferences": curves.AddRange(List(v, where)); break;
                case "prefer_server_cipher_suites": WebConfigFile.Boolean(v, where); break;
                default:
                    throw new WebConfigException($"tls_server_config: unknown key \"{k}\" (keys are cert_file, key_file, client_auth_type, client_ca_file, min_version, max_version, cipher_suites, curve_preferences, prefer_server_cipher_suites)");
            }
        }

        if (string.IsNullOrEmpty(cert) && string.IsNullOrEmpty(key) && string.IsNullOrEmpty(auth) && string.IsNullOrEmpty(ca))
        {
            return null;
        }

        if (string.IsNullOrEmpty(cert))
        {
            throw new WebConfigException("tls_server_config: missing cert_file");
        }

        if (string.IsNullOrEmpty(key))
        {
            throw new WebConfigException("tls_server_config: missing key_file");
        }

        var clientAuth = auth switch
        {
            null or "" or "NoClientCert" => ClientAuthType.NoClientCert,
            "RequestClientCert" => ClientAuthType.RequestClientCert,
            "RequireAnyClientCert" or "RequireClientCert" => ClientAuthType.RequireAnyClientCert,
            "VerifyClientCertIfGiven" => ClientAuthType.VerifyClientCertIfGiven,
            "RequireAndVerifyClientCert" => ClientAuthType.RequireAndVerifyClientCert,
            _ => throw new WebConfigException($"tls_server_config.client_auth_type: invalid ClientAuth \"{auth}\" (NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert)"),
        };
        if (!string.IsNullOrEmpty(ca) && clientAuth == ClientAuthType.NoClientCert)
        {
            throw new WebConfigException("tls_server_config: client_ca_file is given but client_auth_type is NoClientCert (client CAs configured without a client auth policy)");
        }

        if (string.IsNullOrEmpty(ca) && clientAuth is ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert)
        {
            throw new WebConfigException($"tls_server_config: client_auth_type {auth} needs client_ca_file to verify against");
        }

        var notices = new List<string>();
        var protocols = Protocols(min ?? "TLS12", max ?? "TLS13", notices);
        CipherSuitesPolicy? policy = null;
        if (suites.Count > 0 && !OperatingSystem.IsWindows())
        {
            var parsed = suites.Select(s => Enum.TryParse<TlsCipherSuite>(s, ignoreCase: false, out var suite) && s.StartsWith("TLS_", StringComparison.Ordinal)
                ? suite : throw new WebConfigException($"tls_server_config.cipher_suites: unknown cipher: {s}")).ToList();
            policy = new CipherSuitesPolicy(parsed.Concat(Tls13Suites).Distinct());
        }

        foreach (var curve in curves.Where(c => !Curves.Contains(c, StringComparer.Ordinal)))
        {
            throw new WebConfigException($"tls_server_config.curve_preferences: unknown curve: {curve} ({string.Join(", ", Curves)})");
        }

        if (curves.Count > 0)
        {
            notices.Add($"tls_server_config.curve_preferences ({string.Join(", ", curves)}) is not applied: .NET on OpenSSL uses OpenSSL's groups");
        }

        string Resolve(string file) => Path.IsPathRooted(file) ? file : Path.Combine(directory, file);
        return new TlsServerConfig(Resolve(cert), Resolve(key), clientAuth, string.IsNullOrEmpty(ca) ? null : Resolve(ca), protocols, policy, notices);
    }

    /// <summary>What a TLS handshake is given: the certificate, the versions and suites, and how the client's certificate is judged.</summary>
    public SslServerAuthenticationOptions ServerOptions(bool http2) => new()
    {
        ServerCertificateContext = certificate,
        EnabledSslProtocols = protocols,
        CipherSuitesPolicy = ciphers,
        ClientCertificateRequired = ClientAuth != ClientAuthType.NoClientCert,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = AcceptClient,
        ApplicationProtocols = http2 ? [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11] : [SslApplicationProtocol.Http11],
    };

    private bool AcceptClient(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors)
    {
        if (presented is null)
        {
            return ClientAuth is ClientAuthType.NoClientCert or ClientAuthType.RequestClientCert or ClientAuthType.VerifyClientCertIfGiven;
        }

        if (ClientAuth is not (ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert))
        {
            return true;
        }

        using var verify = new X509Chain();
        verify.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        verify.ChainPolicy.CustomTrustStore.AddRange(clientCas);
        verify.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        verify.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                verify.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = presented as X509Certificate2 is { } two ? new X509Certificate2(two) : X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        return verify.Build(leaf);
    }

    private static SslProtocols Protocols(string min, string max, List<string> notices)
    {
        int Index(string v, string key) => Array.IndexOf(Versions, v) is var i and >= 0 ? i : throw new WebConfigException($"tls_server_config.{key}: unknown TLS version: {v} (TLS10, TLS11, TLS12, TLS13)");
        var (low, high) = (Index(min, "min_version"), Index(max, "max_version"));
        if (low > high)
        {
            throw new WebConfigException($"tls_server_config: min_version {min} is above max_version {max}");
        }

        if (high < 2)
        {
            throw new WebConfigException($"tls_server_config.max_version {max}: TLS 1.0 and 1.1 are not offered (deprecated by RFC 8996); use TLS12 or TLS13");
        }

        if (low < 2)
        {
            notices.Add($"tls_server_config.min_version {min}: TLS 1.0 and 1.1 are not offered (RFC 8996); serving TLS 1.2 and up");
        }

        return (Math.Max(low, 2), high) switch
        {
            (2, 2) => SslProtocols.Tls12,
            (3, 3) => SslProtocols.Tls13,
            _ => SslProtocols.Tls12 | SslProtocols.Tls13,
        };
    }

    private static IEnumerable<string> List(YamlNode node, string where) =>
        node is YamlSequenceNode sequence
            ? sequence.Children.Select(c => WebConfigFile.Scalar(c, where) ?? "")
            : WebConfigFile.Scalar(node, where) is { } one ? [one] : [];

    private static SslStreamCertificateContext LoadCertificate(string certFile, string keyFile)
    {
        try
        {
            var chain = new X509Certificate2Collection();
            chain.ImportFromPemFile(certFile);
            if (chain.Count == 0)
            {
                throw new WebConfigException($"tls_server_config.cert_file {certFile}: no PEM certificate in it");
            }

            // On Linux an ephemeral key serves TLS as it is (no PKCS#12 round trip, which Windows alone needs).
            var leaf = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            return SslStreamCertificateContext.Create(leaf, new X509Certificate2Collection(chain.Skip(1).ToArray()), offline: true);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new WebConfigException($"tls_server_config: failed to load the key pair {certFile}, {keyFile}: {e.Message}");
        }
    }

    private static X509Certificate2Collection LoadClientCas(string file)
    {
        try
        {
            var cas = new X509Certificate2Collection();
            cas.ImportFromPemFile(file);
            return cas.Count > 0 ? cas : throw new WebConfigException($"tls_server_config.client_ca_file {file}: no PEM certificate in it");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new WebConfigException($"tls_server_config.client_ca_file {file}: {e.Message}");
        }
    }
}
