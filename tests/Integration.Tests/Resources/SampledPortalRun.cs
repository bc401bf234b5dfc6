using System.Globalization;
using Npgsql;
using PerfTests;
using PerfTests.Hosting;
using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests.Resources;
using PerfTests.Suites.Infrastructure;

namespace Integration.Tests.Resources;

/// <summary>
/// Starts the portal (own schema and cache prefix, 200 seeded clients) with the given settings,
/// loads one endpoint at a constant rate while every resource source is sampled, and stops it all.
/// </summary>
internal static class SampledPortalRun
{
    public const string Scenario = "portal";

    public static async Task<(LoadRunResult Run, ResourceReport Resources)> RunAsync(
        Dictionary<string, string?> overrides, Func<long, string> path, double perSecond, TimeSpan hold, bool prime = false)
    {
        var environment = ResourcesSetUp.Current;
        var schema = "res_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(environment.PostgresConnectionString) { SearchPath = schema }.ConnectionString,
            ["ConnectionStrings:Redis"] = environment.RedisConnectionString,
            ["SampleSystem:MarketPricesBaseUrl"] = environment.DownstreamBaseUrl.ToString(),
            ["SampleSystem:CacheKeyPrefix"] = schema + ":",
            ["SampleSystem:Database:SeedClientsOnStartup"] = "200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        await using var system = await InProcessApp.StartAsync<Program>(settings, readinessPath: "/health", requireSuccess: true, timeout: TimeSpan.FromSeconds(60));
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        Uri UriOf(long invocation) => new(system.BaseAddress, path(invocation));
        if (prime)
        {
            // Fill the cache first so a healthy cache is judged in its steady state, not on cold misses.
            for (var i = 0; i < 50; i++)
            {
                await http.GetAsync(UriOf(i), CancellationToken.None);
            }
        }

        using var process = ProcessResourceSource.ForTestProcess();
        await using var postgres = new PostgresResourceSource(environment.PostgresConnectionString);
        await using var redis = new RedisResourceSource(environment.RedisConnectionString);
        using var portalMetrics = new PortalMetricsSource(system.BaseAddress);
        IResourceSource[] sources = [process, portalMetrics, postgres, redis];

        await using var sampler = ResourceSampler.Start(sources, TimeSpan.FromMilliseconds(500));
        var scenario = PerfTests.Scenario.Create(Scenario, Step.Create("get", ctx => http.GetAsync(UriOf(ctx.InvocationNumber), ctx.CancellationToken)))
            .WithLoadSimulations(LoadSimulation.ConstantRate(perSecond, hold))
            .WithCapacity(maxWorkers: 50);
        var run = await LoadRunner.RunAsync(scenario, new LoadRunnerOptions(), CancellationToken.None);
        var resources = await sampler.StopAsync();

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"settings: {string.Join(", ", overrides.Select(o => o.Key + "=" + o.Value))}"));
        TestContext.Out.WriteLine(run.ToString());
        TestContext.Out.WriteLine(resources.ToString());
        return (run, resources);
    }
}
