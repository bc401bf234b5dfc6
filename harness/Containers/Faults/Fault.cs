namespace PerfTests.Containers.Faults;

/// <summary>
/// One fault to inject into the downstream stub. Create with the static factories; apply with
/// <see cref="FaultInjector.Apply"/> or <see cref="FaultInjector.Schedule"/>. Ratios are the share of
/// requests affected, 0..1 (1 = every request).
/// </summary>
public sealed class Fault
{
    private Fault(FaultKind kind, double ratio, string description, LatencyDistribution? latency = null, int statusCode = 0)
    {
        if (double.IsNaN(ratio) || ratio is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "A fault ratio is a share of requests between 0 and 1.");
        }

        Kind = kind;
        Ratio = ratio;
        StatusCode = statusCode;
        Latency = latency;
        Description = ratio < 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{description} on {ratio * 100:0.##}% of requests")
            : description;
    }

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; }

    /// <summary>Share of requests affected, 0..1.</summary>
    public double Ratio { get; }

    /// <summary>HTTP status for <see cref="FaultKind.ErrorStatus"/>; 0 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>Human-readable form used on the fault timeline and in reports.</summary>
    public string Description { get; }

    internal LatencyDistribution? Latency { get; }

    /// <summary>Adds a fixed delay to a share of requests.</summary>
    public static Fault FixedLatency(TimeSpan delay, double ratio = 1) =>
        Delay(FaultKind.Latency, LatencyDistribution.Fixed(NonNegative(delay, nameof(delay))), ratio);

    /// <summary>Adds a delay drawn uniformly between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static Fault UniformLatency(TimeSpan min, TimeSpan max, double ratio = 1)
    {
        NonNegative(min, nameof(min));
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), max, "max must be at least min.");
        return Delay(FaultKind.Latency, LatencyDistribution.Uniform(min, max), ratio);
    }

    /// <summary>Adds a normally distributed delay (negative samples become zero).</summary>
    public static Fault NormalLatency(TimeSpan mean, TimeSpan standardDeviation, double ratio = 1) =>
        Delay(FaultKind.Latency,
            LatencyDistribution.Normal(NonNegative(mean, nameof(mean)), NonNegative(standardDeviation, nameof(standardDeviation))),
            ratio);

    /// <summary>Adds a log-normal delay: half the samples below <paramref name="median"/>; sigma (typ. 0.25..1) sets the tail.</summary>
    public static Fault LogNormalLatency(TimeSpan median, double sigma, double ratio = 1)
    {
        if (double.IsNaN(sigma) || sigma < 0) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be >= 0.");
        return Delay(FaultKind.Latency, LatencyDistribution.LogNormal(NonNegative(median, nameof(median)), sigma), ratio);
    }

    /// <summary>Answers <paramref name="statusCode"/> (400..599) instead of the stub on a share of requests, e.g. (503, 0.3).</summary>
    public static Fault ErrorRatio(int statusCode, double ratio)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error fault needs a 4xx or 5xx status.");
        }

        return new Fault(FaultKind.ErrorStatus, ratio, $"HTTP {statusCode}", statusCode: statusCode);
    }

    /// <summary>Aborts the connection before any response bytes (clients see HttpRequestException).</summary>
    public static Fault ConnectionReset(double ratio = 1) => new(FaultKind.ConnectionReset, ratio, "connection reset");

    /// <summary>Answers 200 with an empty body.</summary>
    public static Fault EmptyResponse(double ratio = 1) => new(FaultKind.EmptyResponse, ratio, "empty response");

    /// <summary>Answers 200 application/json with truncated JSON.</summary>
    public static Fault MalformedBody(double ratio = 1) => new(FaultKind.MalformedBody, ratio, "malformed JSON body");

    /// <summary>
    /// Holds requests for <paramref name="hold"/> (pick more than the client's timeout) before answering;
    /// the hold ends early when the client gives up.
    /// </summary>
    public static Fault Timeout(TimeSpan hold, double ratio = 1) =>
        Delay(FaultKind.Timeout, LatencyDistribution.Fixed(NonNegative(hold, nameof(hold))), ratio);

    /// <inheritdoc />
    public override string ToString() => Description;

    private static Fault Delay(FaultKind kind, LatencyDistribution latency, double ratio) =>
        new(kind, ratio, kind == FaultKind.Timeout ? $"timeout (hold {latency.Describe()})" : $"latency {latency.Describe()}", latency);

    private static TimeSpan NonNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "must not be negative.");
}
