using PerfTests;
using PerfTests.Hosting;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// A second portal instance on the suite's containers (already seeded) with front-end defect
/// switches on, so a defect check never disturbs the clean portal the other tests measure.
/// </summary>
internal static class DefectPortal
{
    /// <summary>Starts the portal with <c>SampleSystem:FrontEnd:*</c> overrides; dispose it when done.</summary>
    /// <exception cref="InvalidOperationException">The suite runs against an external TargetUrl (no own host to switch defects on).</exception>
    public static Task<ISystemUnderTest> StartAsync(PortalEnvironment portal, IReadOnlyDictionary<string, string?> defects, CancellationToken cancellationToken)
    {
        var dependencies = portal.Dependencies
            ?? throw new InvalidOperationException("Defect switches need the suite's own portal; not available against an external TargetUrl.");
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Postgres"] = dependencies.PostgresConnectionString,
            ["ConnectionStrings:Redis"] = dependencies.RedisConnectionString,
            ["SampleSystem:MarketPricesBaseUrl"] = dependencies.DownstreamBaseUrl.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in defects)
        {
            settings[key] = value;
        }

        return SystemUnderTestFactory.StartAsync<Program>(settings, TimeSpan.FromSeconds(60), cancellationToken);
    }
}
