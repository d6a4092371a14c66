namespace HostDoc.Serve.WebConfig;

/// <summary>exporter-toolkit's <c>client_auth_type</c> (Go's tls.ClientAuthType): whether a client certificate is asked for, required, verified.</summary>
internal enum ClientAuthType
{
    /// <summary>No client certificate is asked for (the default).</summary>
    NoClientCert,

    /// <summary>Asked for, not required, not verified.</summary>
    RequestClientCert,

    /// <summary>Required, not verified (also spelled RequireClientCert).</summary>
    RequireAnyClientCert,

    /// <summary>Not required; verified against client_ca_file when one is sent.</summary>
    VerifyClientCertIfGiven,

    /// <summary>Required and verified against client_ca_file: the only setting that authenticates clients.</summary>
    RequireAndVerifyClientCert,
}
