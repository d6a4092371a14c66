namespace HostDoc.Etc.WebServers;

/// <summary>A directory a web server serves files from, with whether it sends them with sendfile().</summary>
/// <param name="Server">nginx, apache or lighttpd.</param>
/// <param name="Path">The document root or alias target, absolute.</param>
/// <param name="Context">Where it is set: <c>server { server_name x } location /static</c>, <c>VirtualHost *:80</c>, <c>global</c>.</param>
/// <param name="DefinedAt">The file and line of the root (or of the block that inherits it).</param>
/// <param name="Sendfile">True when files under it go out with sendfile().</param>
/// <param name="SendfileAt">The file and line of the sendfile setting in force, or "default" (nginx and Apache default off, lighttpd on).</param>
public sealed record WebRoot(string Server, string Path, string Context, string DefinedAt, bool Sendfile, string SendfileAt);
