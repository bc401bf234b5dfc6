namespace PerfTests.Browser;

/// <summary>
/// Network conditions applied through CDP Network.emulateNetworkConditions (packet-level
/// throttling as Lighthouse's "devtools" mode, not its simulation).
/// </summary>
/// <param name="Name">Profile name, e.g. <c>slow-4g</c>.</param>
/// <param name="RoundTripMs">Nominal round-trip time, milliseconds (150 for Slow 4G).</param>
/// <param name="DownloadKbps">Nominal download throughput, kilobits per second (1638.4 for Slow 4G: 1.6 Mbps).</param>
/// <param name="UploadKbps">Nominal upload throughput, kilobits per second (750 for Slow 4G).</param>
public sealed record NetworkProfile(string Name, double RoundTripMs, double DownloadKbps, double UploadKbps)
{
    // Lighthouse's devtools throttling constants: request-level latency is 3.75 x RTT and
    // throughput 0.9 x nominal, because DevTools throttles per request rather than per packet.
    private const double LatencyFactor = 3.75;
    private const double ThroughputFactor = 0.9;

    /// <summary>Lighthouse's mobile "Slow 4G": 150 ms RTT, 1.6 Mbps down, 750 Kbps up.</summary>
    public static NetworkProfile Slow4G { get; } = new("slow-4g", 150, 1.6 * 1024, 750);

    /// <summary>Request latency CDP applies, milliseconds (3.75 x RTT).</summary>
    public double RequestLatencyMs => RoundTripMs * LatencyFactor;

    /// <summary>Download throughput CDP applies, bytes per second.</summary>
    public double DownloadBytesPerSecond => DownloadKbps * ThroughputFactor * 1024 / 8;

    /// <summary>Upload throughput CDP applies, bytes per second.</summary>
    public double UploadBytesPerSecond => UploadKbps * ThroughputFactor * 1024 / 8;
}
