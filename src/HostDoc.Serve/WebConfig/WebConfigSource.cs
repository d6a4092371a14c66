namespace HostDoc.Serve.WebConfig;

/// <summary>
/// The web configuration in force, re-read when the file (or a certificate, key or CA file it names)
/// changes — looked at no more than once a second, on requests and handshakes, so a certificate renewed
/// in place or a ConfigMap's symlink swap takes effect without a restart — and on SIGHUP. A reload that
/// fails keeps the configuration in force, logs one line and sets <see cref="LastReloadSucceeded"/> to
/// false (exported as hostdoc_web_config_last_reload_successful); so does one that would switch between
/// plain HTTP and TLS, which only a restart may do.
/// </summary>
internal sealed class WebConfigSource
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(1);
    private readonly string? path;
    private readonly TextWriter log;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private (WebConfigFile Config, BasicAuth Auth) current;
    private string stamp;
    private DateTimeOffset lookedAt;

    private WebConfigSource(string? path, WebConfigFile config, TextWriter log, TimeProvider clock)
    {
        this.path = path;
        this.log = log;
        this.clock = clock;
        current = (config, new BasicAuth(config.Users));
        stamp = Stamp(path, config);
        lookedAt = clock.GetUtcNow();
    }

    /// <summary>True until a reload fails.</summary>
    public bool LastReloadSucceeded { get; private set; } = true;

    /// <summary>The configuration in force.</summary>
    public WebConfigFile Config => Fresh().Config;

    /// <summary>The users of the configuration in force.</summary>
    public BasicAuth Auth => Fresh().Auth;

    /// <summary>Serves without a file: plain HTTP, no users.</summary>
    public static WebConfigSource Without(TextWriter log) => new(null, WebConfigFile.None, log, TimeProvider.System);

    /// <summary>Reads <paramref name="file"/>; the error is the one line start-up prints before refusing to serve.</summary>
    public static (WebConfigSource? Source, string? Error) Open(string file, TextWriter log, TimeProvider clock)
    {
        var (config, error) = WebConfigFile.Load(file);
        return config is null ? (null, error) : (new WebConfigSource(file, config, log, clock), null);
    }

    /// <summary>Re-reads the file now (SIGHUP).</summary>
    public void Reload()
    {
        lock (gate)
        {
            ReloadLocked("SIGHUP");
        }
    }

    private (WebConfigFile Config, BasicAuth Auth) Fresh()
    {
        if (path is null)
        {
            return current;
        }

        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now - lookedAt >= LookEvery)
            {
                lookedAt = now;
                if (Stamp(path, current.Config) != stamp)
                {
                    ReloadLocked("a change");
                }
            }

            return current;
        }
    }

    private void ReloadLocked(string why)
    {
        if (path is null)
        {
            return;
        }

        var (config, error) = WebConfigFile.Load(path);
        if (config is not null && (config.Tls is null) != (current.Config.Tls is null))
        {
            error = $"web config {path}: {(config.Tls is null ? "tls_server_config was removed" : "tls_server_config was added")}; switching between HTTP and HTTPS needs a restart";
            config = null;
        }

        stamp = Stamp(path, config ?? current.Config);
        if (config is null)
        {
            LastReloadSucceeded = false;
            log.WriteLine($"hostdoc serve: reload after {why} failed, keeping the configuration in force: {error}");
            return;
        }

        current = (config, new BasicAuth(config.Users));
        LastReloadSucceeded = true;
        log.WriteLine($"hostdoc serve: reloaded {path} after {why}");
        foreach (var notice in config.Tls?.Notices ?? [])
        {
            log.WriteLine($"hostdoc serve: {notice}");
        }
    }

    /// <summary>Modification time and size of the file and of the TLS files it names (a missing file is part of the stamp too).</summary>
    private static string Stamp(string? path, WebConfigFile config)
    {
        if (path is null)
        {
            return "";
        }

        IEnumerable<string> files = [path, .. config.Tls?.Files ?? []];
        return string.Join('|', files.Select(f =>
        {
            var info = new FileInfo(f);
            return info.Exists ? $"{info.LastWriteTimeUtc.Ticks}:{info.Length}" : "-";
        }));
    }
}
