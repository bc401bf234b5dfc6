using PerfTests.Environment;
using PerfTests.Environment.Faults;

namespace Integration.Tests.Faults;

/// <summary>One environment for the fault tests, started once and always torn down.</summary>
[SetUpFixture]
public sealed class FaultsSetUp
{
    private static PerfEnvironment? _current;

    internal static PerfEnvironment Current =>
        _current ?? throw new InvalidOperationException("The environment did not start; see the OneTimeSetUp error.");

    internal static FaultInjector Faults => Current.Faults;

    /// <summary>A client on the downstream stub; each test owns (and disposes) its own.</summary>
    internal static HttpClient CreateClient(TimeSpan? timeout = null) =>
        new() { BaseAddress = Current.DownstreamBaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(10) };

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
