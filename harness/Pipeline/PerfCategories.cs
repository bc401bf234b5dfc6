namespace PerfTests;

/// <summary>
/// Category names for <c>[Category(...)]</c>, so suites are selected with
/// <c>dotnet test --filter Category=Load</c>. Constants, not strings typed by hand, so a typo cannot
/// silently drop a fixture from a CI job.
/// </summary>
public static class PerfCategories
{
    /// <summary>Expected load, budget-checked on every PR (short) and nightly (long).</summary>
    public const string Load = "Load";

    /// <summary>Beyond expected load, to find the breaking point and check graceful degradation.</summary>
    public const string Stress = "Stress";

    /// <summary>Sudden bursts and recovery.</summary>
    public const string Spike = "Spike";

    /// <summary>Long runs (soak): drift, leaks, pool exhaustion. Nightly only.</summary>
    public const string Endurance = "Endurance";

    /// <summary>Load with a dependency broken on purpose (paused cache, failing downstream): degrades gracefully, never fails.</summary>
    public const string Degradation = "Degradation";

    /// <summary>Browser lab metrics (LCP, FCP, CLS, TTFB, INP).</summary>
    public const string WebVitals = "WebVitals";

    /// <summary>Fault drills measuring RTO / RPO and behaviour during failover.</summary>
    public const string Failover = "Failover";

    /// <summary>
    /// Side-by-side A/B: a baseline and a candidate instance loaded in the same seconds and compared
    /// (not part of the Load gate: it runs the Load mix twice).
    /// </summary>
    public const string AB = "AB";

    /// <summary>Harness tests that need real containers or a real server, not performance verdicts.</summary>
    public const string Integration = "Integration";
}
