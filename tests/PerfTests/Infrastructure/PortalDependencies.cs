using PerfTests.Containers;

namespace PerfTests.Suites.Infrastructure;

/// <summary>What the sample portal runs against: PostgreSQL, Redis and its market-prices service stub.</summary>
internal static class PortalDependencies
{
    /// <summary>The run's container settings with the market-prices stub.</summary>
    public static EnvironmentOptions Options()
    {
        var options = EnvironmentOptions.FromSettings();
        Configure(options);
        return options;
    }

    /// <summary>The portal's dependencies for one [SetUpFixture]: started once, always removed.</summary>
    public static SharedEnvironment<PerfEnvironment> Shared(string name) => PerfEnvironment.Shared(name, Configure);

    private static void Configure(EnvironmentOptions options) => options.DownstreamStub = MarketPricesStub.Register;
}
