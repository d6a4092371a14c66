namespace HostDoc.Serve.WebConfig;

/// <summary>A web configuration file that cannot be used as written; the message names the key.</summary>
internal sealed class WebConfigException(string message) : Exception(message);
