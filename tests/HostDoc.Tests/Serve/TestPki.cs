using System.Diagnostics;

namespace HostDoc.Tests.Serve;

/// <summary>
/// Certificates made by openssl for one test, in a directory of its own: a CA, a server certificate for
/// 127.0.0.1 and localhost signed by it, a client certificate (clientAuth) signed by it, and a client
/// certificate from a second CA the server does not trust.
/// </summary>
internal sealed class TestPki : IDisposable
{
    private readonly TempTree dir = new();

    public TestPki()
    {
        var openssl = DebianOracle.Require("openssl", "openssl");
        dir.Write("/server.ext", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        dir.Write("/client.ext", "extendedKeyUsage=clientAuth\n");
        foreach (var ca in new[] { "ca", "other-ca" })
        {
            Run(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", $"/CN=hostdoc test {ca}",
                "-keyout", Path($"{ca}.key"), "-out", Path($"{ca}.crt"));
        }

        foreach (var (name, ca, ext) in new[] { ("server", "ca", "server.ext"), ("client", "ca", "client.ext"), ("stranger", "other-ca", "client.ext") })
        {
            Run(openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", $"/CN=hostdoc test {name}", "-keyout", Path($"{name}.key"), "-out", Path($"{name}.csr"));
            Run(openssl, "x509", "-req", "-in", Path($"{name}.csr"), "-CA", Path($"{ca}.crt"), "-CAkey", Path($"{ca}.key"), "-CAcreateserial", "-days", "2",
                "-extfile", Path(ext), "-out", Path($"{name}.crt"));
        }
    }

    public string Dir => dir.Dir;

    public string Path(string file) => System.IO.Path.Combine(dir.Dir, file);

    /// <summary>Writes a web config file here and returns its path.</summary>
    public string WebConfig(string yaml, string name = "web.yml") => dir.Write("/" + name, yaml);

    public void Dispose() => dir.Dispose();

    private static void Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {error.Result}");
        }
    }
}
