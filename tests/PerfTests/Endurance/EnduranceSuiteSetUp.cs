using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Endurance;

/// <summary>Starts the portal environment once for the Endurance suite and always tears it down.</summary>
[SetUpFixture]
public sealed class EnduranceSuiteSetUp
{
    private static PortalEnvironment? _current;

    internal static PortalEnvironment Current =>
        _current ?? throw new InvalidOperationException("The Endurance environment did not start; see the OneTimeSetUp error.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _current = await PortalEnvironment.StartAsync(cancellationToken: timeout.Token);
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
