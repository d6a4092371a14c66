using System.Diagnostics;
using HostDoc.Tests.Cli;
using Xunit;

namespace HostDoc.Tests.Serve;

/// <summary>
/// <c>--web.config.file</c> as an operator meets it, with curl as the client and certificates openssl
/// made for the test: TLS (HTTP/2 by ALPN), basic auth with an htpasswd-made bcrypt hash, client
/// certificates, the allowed headers, reloads, and start-up refusing a file it cannot honour.
/// </summary>
public sealed class WebConfigTests
{
    private static string Sample => Path.Combine(Fixtures.RepoRoot, "samples", "failing-disk");

    [Fact]
    public void Tls_and_basic_auth_answer_401_without_or_with_wrong_credentials_and_200_with_right_ones_over_http2()
    {
        using var pki = new TestPki();
        var config = pki.WebConfig($"""
            tls_server_config:
              cert_file: server.crt
              key_file: server.key
            http_server_config:
              headers:
                X-Frame-Options: deny
                Strict-Transport-Security: max-age=31536000
            basic_auth_users:
              alice: {Htpasswd("alice", "s3cret")}
            """);
        using var served = ServedHost.Start(Sample, ["--web.config.file", config]);
        Assert.StartsWith("https://127.0.0.1:", served.BaseUrl, StringComparison.Ordinal);
        var url = served.BaseUrl + "/metrics";

        var none = Curl(pki, "-D", "-", url);
        Assert.Equal("401", none.Status);
        Assert.Contains("www-authenticate: Basic", none.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("x-frame-options: deny", none.Body, StringComparison.OrdinalIgnoreCase);   // on a 401 too, as exporter-toolkit does
        Assert.Equal("401", Curl(pki, "-u", "alice:wrong", url).Status);
        Assert.Equal("401", Curl(pki, "-u", "mallory:s3cret", url).Status);

        var right = Curl(pki, "-u", "alice:s3cret", "-D", "-", url);
        Assert.Equal(("200", "2"), (right.Status, right.Version));
        Assert.Contains("strict-transport-security: max-age=31536000", right.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("hostdoc_finding{id=\"log.disk-media-error\"", right.Body, StringComparison.Ordinal);
        Assert.Equal(("200", "1.1"), (Curl(pki, "--http1.1", "-u", "alice:s3cret", url).Status, Curl(pki, "--http1.1", "-u", "alice:s3cret", url).Version));

        // plain HTTP to the TLS port gets no answer; a client that does not trust the CA refuses the server
        Assert.NotEqual("200", Curl(null, "-u", "alice:s3cret", url.Replace("https://", "http://", StringComparison.Ordinal)).Status);
        Assert.Equal(60, Curl(null, "-u", "alice:s3cret", url).Exit);   // curl: peer certificate cannot be authenticated
    }

    [Fact]
    public void RequireAndVerifyClientCert_takes_only_certificates_of_the_client_ca()
    {
        using var pki = new TestPki();
        var config = pki.WebConfig("""
            tls_server_config:
              cert_file: server.crt
              key_file: server.key
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: ca.crt
              min_version: TLS13
            """);
        using var served = ServedHost.Start(Sample, ["--web.config.file", config]);
        var url = served.BaseUrl + "/healthz";
        Assert.Equal("200", Curl(pki, "--cert", pki.Path("client.crt"), "--key", pki.Path("client.key"), url).Status);
        Assert.NotEqual("200", Curl(pki, url).Status);
        Assert.NotEqual("200", Curl(pki, "--cert", pki.Path("stranger.crt"), "--key", pki.Path("stranger.key"), url).Status);
        Assert.NotEqual("200", Curl(pki, "--tls-max", "1.2", "--cert", pki.Path("client.crt"), "--key", pki.Path("client.key"), url).Status);
    }

    [Fact]
    public async Task A_changed_file_is_reloaded_and_a_broken_one_keeps_the_configuration_in_force()
    {
        using var pki = new TestPki();
        var file = pki.WebConfig($"basic_auth_users:\n  alice: {Htpasswd("alice", "one")}\n");
        using var served = ServedHost.Start(Sample, ["--web.config.file", file]);
        var url = served.BaseUrl + "/healthz";
        Assert.Equal("200", Curl(null, "-u", "alice:one", url).Status);

        File.WriteAllText(file, $"basic_auth_users:\n  alice: {Htpasswd("alice", "two")}\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        Assert.True(await Eventually(() => Curl(null, "-u", "alice:two", url).Status == "200"), served.Errors);
        Assert.Equal("401", Curl(null, "-u", "alice:one", url).Status);

        File.WriteAllText(file, "basic_auth_users:\n  alice: not-a-hash\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(10));
        Assert.True(await Eventually(() => Curl(null, url).Status != "" && served.Errors.Contains("reload after a change failed", StringComparison.Ordinal)), served.Errors);
        Assert.Contains("basic_auth_users.alice: not a bcrypt hash", served.Errors, StringComparison.Ordinal);
        Assert.Equal("200", Curl(null, "-u", "alice:two", url).Status);
        var metrics = Curl(null, "-u", "alice:two", served.BaseUrl + "/metrics").Body;
        Assert.Contains("hostdoc_web_config_last_reload_successful 0", metrics, StringComparison.Ordinal);

        File.WriteAllText(file, $"basic_auth_users:\n  bob: {Htpasswd("bob", "three")}\n");
        using (var hup = Process.Start("kill", ["-HUP", served.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            hup.WaitForExit();
        }

        Assert.True(await Eventually(() => Curl(null, "-u", "bob:three", url).Status == "200"), served.Errors);
        Assert.Contains("hostdoc_web_config_last_reload_successful 1", Curl(null, "-u", "bob:three", served.BaseUrl + "/metrics").Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tls_server_config:\n  cert_filse: server.crt\n", "unknown key \"cert_filse\"")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n", "missing key_file")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: nowhere.key\n", "failed to load the key pair")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA512]\n", "unknown cipher: TLS_RSA_WITH_RC4_128_SHA512")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  min_version: TLS111\n", "unknown TLS version: TLS111")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_ca_file: ca.crt\n", "client_ca_file is given but client_auth_type is NoClientCert")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: RequireAndVerifyClientCert\n", "needs client_ca_file")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: Sometimes\n", "invalid ClientAuth \"Sometimes\"")]
    [InlineData("basic_auth_users:\n  john: doe\n", "basic_auth_users.john: not a bcrypt hash")]
    [InlineData("http_server_config:\n  headers:\n    Server: hostdoc\n", "HTTP header \"Server\" can not be configured")]
    [InlineData("http_server_config:\n  headers:\n    X-Frame-Options: allow\n", "invalid value for X-Frame-Options")]
    [InlineData("tls_server_config: [a, b]\n", "tls_server_config: expected a mapping")]
    [InlineData("basic_auth_users: {alice: \"$2y$10$x\"\n", "not YAML at line")]
    public async Task A_file_it_cannot_honour_stops_start_up_with_one_line(string yaml, string expected)
    {
        using var pki = new TestPki();
        var config = pki.WebConfig(yaml);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "hostdoc-serve.dll"), "--listen", "127.0.0.1:0", "--web.config.file", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(20_000));
        Assert.Equal(2, p.ExitCode);
        Assert.Equal("", await stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(config, line, StringComparison.Ordinal);
        Assert.EndsWith("; not starting", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_checks_its_options_before_it_starts_and_listens_on_loopback_by_default()
    {
        Assert.Equal(2, CliRun.Of("serve", "--listen", "nowhere").Code);
        Assert.Equal(2, CliRun.Of("serve", "--checks-every", "often").Code);
        Assert.Equal(2, CliRun.Of("serve", "--collector.diskstats.device-exclude").Code);
        Assert.Contains("unexpected \"--bogus\"", CliRun.Of("serve", "--bogus").Error, StringComparison.Ordinal);
        var (options, _) = ServeOptions.Parse([]);
        Assert.Equal("127.0.0.1:9847", options!.Listen.ToString());
        Assert.Equal("[::1]:9100", ServeOptions.Parse(["--web.listen-address=[::1]:9100"]).Options!.Listen.ToString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    public void Nothing_but_get_and_head_is_answered(string method)
    {
        using var served = ServedHost.Start(Sample);
        var answer = Curl(null, "-X", method, "-D", "-", served.BaseUrl + "/metrics");
        Assert.Equal("405", answer.Status);
        Assert.Contains("allow: GET, HEAD", answer.Body, StringComparison.OrdinalIgnoreCase);
        var head = Curl(null, "-I", served.BaseUrl + "/metrics");
        Assert.Equal("200", head.Status);
        Assert.DoesNotContain("# HELP", head.Body, StringComparison.Ordinal);
    }

    /// <summary>A bcrypt hash made by Apache's htpasswd, as operators make them (cost 10, $2y$).</summary>
    internal static string Htpasswd(string user, string password)
    {
        var htpasswd = DebianOracle.Require("htpasswd", "apache2-utils");
        using var p = Process.Start(new ProcessStartInfo(htpasswd, ["-nbBC", "10", user, password]) { RedirectStandardOutput = true })!;
        var line = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>curl with the test CA trusted (or none, to see the server refused); status and HTTP version from -w, the body (and -D headers) before them.</summary>
    internal static (int Exit, string Status, string Version, string Body) Curl(TestPki? pki, params string[] args)
    {
        var curl = DebianOracle.Require("curl", "curl");
        var all = new List<string> { "-s", "--max-time", "10", "-o", "-", "-w", "\n%{http_code} %{http_version}" };
        if (pki is not null)
        {
            all.AddRange(["--cacert", pki.Path("ca.crt")]);
        }

        all.AddRange(args);
        using var p = Process.Start(new ProcessStartInfo(curl, all) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        var last = output.LastIndexOf('\n');
        var tail = output[(last + 1)..].Split(' ');
        return (p.ExitCode, tail[0], tail.Length > 1 ? tail[1] : "", output[..Math.Max(0, last)]);
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 40; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
