namespace PerfTests.Containers.Faults;

/// <summary>What a <see cref="Fault"/> does to a downstream request.</summary>
public enum FaultKind
{
    /// <summary>Adds a delay (fixed or sampled from a distribution), then answers normally.</summary>
    Latency,

    /// <summary>Answers with an error status code (e.g. 503) instead of the stubbed response.</summary>
    ErrorStatus,

    /// <summary>Aborts the connection without any response bytes.</summary>
    ConnectionReset,

    /// <summary>Answers 200 with a zero-length body.</summary>
    EmptyResponse,

    /// <summary>Answers 200 application/json with a truncated, unparsable JSON body.</summary>
    MalformedBody,

    /// <summary>Holds the request longer than a client would wait (a delay meant to exceed the client's timeout).</summary>
    Timeout,
}
