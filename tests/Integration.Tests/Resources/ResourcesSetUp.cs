using PerfTests.Environment;

namespace Integration.Tests.Resources;

/// <summary>PostgreSQL, Redis and the market-prices stub once for the resource-budget tests; always torn down.</summary>
[SetUpFixture]
public sealed class ResourcesSetUp
{
    private static PerfEnvironment? _current;

    internal static PerfEnvironment Current =>
        _current ?? throw new InvalidOperationException("The environment did not start; see the OneTimeSetUp error.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _current = await PerfEnvironment.StartAsync(EnvironmentOptions.FromEnvironmentVariables(), cts.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
            _current = null;
        }
    }
}
