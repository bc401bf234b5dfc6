using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Resources;

/// <summary>Starts the portal environment once for the resource suite and always tears it down.</summary>
[SetUpFixture]
public sealed class ResourcesSuiteSetUp
{
    private static PortalEnvironment? _current;

    internal static PortalEnvironment Current =>
        _current ?? throw new InvalidOperationException("The Resources environment did not start; see the OneTimeSetUp error.");

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
