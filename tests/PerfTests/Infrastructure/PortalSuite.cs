using System.Reflection;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// Base of the fixtures that load the shared sample portal (<see cref="Portal"/>). One portal runs per
/// category: the first fixture of a category starts it, the next fixtures of that category reuse it, and
/// a fixture of another category replaces it (faults and spikes of one suite never reach another's).
/// The last one is stopped when the run ends (<see cref="SuitesTearDown"/>).
/// </summary>
public abstract class PortalSuite
{
    private static readonly SemaphoreSlim Switching = new(1, 1);
    private static SharedEnvironment<PortalEnvironment>? _shared;

    /// <summary>The running portal of this fixture's category.</summary>
    internal static PortalEnvironment Portal => _shared?.Current
        ?? throw new InvalidOperationException("The portal did not start; see the OneTimeSetUp error.");

    /// <summary>Starts (or reuses) the portal of this fixture's category.</summary>
    [OneTimeSetUp]
    public async Task StartPortalAsync()
    {
        var category = GetType().GetCustomAttribute<PerfSuiteAttribute>()?.Category
            ?? throw new InvalidOperationException($"{GetType().Name} derives from {nameof(PortalSuite)} but has no [PerfSuite] category.");
        SharedEnvironment<PortalEnvironment> shared;
        await Switching.WaitAsync();
        try
        {
            if (_shared?.Name != category + " portal")
            {
                await StopAsync();
                _shared = new SharedEnvironment<PortalEnvironment>(
                    category + " portal", ct => PortalEnvironment.StartAsync(PerfSettings.Current, cancellationToken: ct), TimeSpan.FromMinutes(4));
            }

            shared = _shared;
        }
        finally
        {
            Switching.Release();
        }

        await shared.StartAsync();
    }

    /// <summary>Stops the current portal and removes its containers.</summary>
    internal static async Task StopAsync()
    {
        var shared = Interlocked.Exchange(ref _shared, null);
        if (shared is not null)
        {
            await shared.StopAsync();
        }
    }
}
