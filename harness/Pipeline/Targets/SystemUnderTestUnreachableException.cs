namespace PerfTests;

/// <summary>The system under test did not answer its health endpoint; the message names the URL and the last error.</summary>
public sealed class SystemUnderTestUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SystemUnderTestUnreachableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SystemUnderTestUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the last failure.</summary>
    public SystemUnderTestUnreachableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
