namespace HostDoc.Metrics;

/// <summary>A scrape source gave no value (its problems are the message); the scrape marks it down and goes on.</summary>
public sealed class SourceUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SourceUnavailableException()
    {
    }

    /// <summary>Creates the exception with the source's problems.</summary>
    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner one.</summary>
    public SourceUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
