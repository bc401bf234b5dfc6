using PerfTests.Containers;
using PerfTests.Hosting;

namespace Orders.PerfTests;

/// <summary>
/// The app under test, started once for the whole run in this process on real Kestrel (127.0.0.1),
/// and stopped after it. With a TargetUrl in the settings the running system it names is loaded
/// instead and nothing is started.
/// </summary>
[SetUpFixture]
public sealed class TargetApp
{
    // PostgreSQL in a container for the app (image: the PostgresImage setting), Redis not started,
    // and the payment provider stubbed (added to what the template made).
    private static readonly SharedEnvironment<PerfEnvironment> Dependencies =
        PerfEnvironment.Shared("app dependencies", options =>
        {
            options.Redis = false;
            options.DownstreamStub = PaymentProvider.Map;
        });

    private static readonly SharedEnvironment<ISystemUnderTest> App = new("app under test",
        ct => InProcessApp.StartAsync<Program>(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Orders"] = Dependencies.Current.PostgresConnectionString,
                ["Payments:BaseUrl"] = Dependencies.Current.DownstreamBaseUrl.ToString(),
            },
            PerfSettings.Current, readinessPath: "/health", cancellationToken: ct),
        TimeSpan.FromMinutes(2));

    /// <summary>The running app (or the system TargetUrl names).</summary>
    public static ISystemUnderTest Current => App.Current;

    /// <summary>The payment provider's stub, to slow it down or break it during a test.</summary>
    public static PerfEnvironment Environment => Dependencies.Current;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (PerfSettings.Current.TargetUrl is null)
        {
            await Dependencies.StartAsync();
        }

        await App.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await App.StopAsync();
        await Dependencies.StopAsync();
    }
}
