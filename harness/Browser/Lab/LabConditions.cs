namespace PerfTests.Browser;

/// <summary>
/// Lab conditions of a measurement: CPU slowdown and network throttling, applied per page
/// through CDP. Budgets select them by scenario name: <c>dashboard@slow-4g</c> measures the
/// dashboard page under <see cref="Slow4G"/>, <c>dashboard@mobile</c> as a phone (<see cref="Mobile"/>);
/// a bare <c>dashboard</c> under <see cref="Desktop"/>.
/// </summary>
/// <param name="Name">Name used in budget scenario names.</param>
/// <param name="CpuSlowdown">CDP Emulation.setCPUThrottlingRate multiplier; 1 = none.</param>
/// <param name="Network">Network throttling, or null for none.</param>
public sealed record LabConditions(string Name, double CpuSlowdown, NetworkProfile? Network)
{
    /// <summary>The device emulated: viewport, device scale, touch, and which Lighthouse scoring curves apply. Default desktop.</summary>
    public FormFactor FormFactor { get; init; } = FormFactor.Desktop;

    /// <summary>No throttling: the machine's own CPU and loopback network.</summary>
    public static LabConditions Desktop { get; } = new("desktop", 1, null);

    /// <summary>Lighthouse's mobile defaults: 4x CPU slowdown and Slow 4G (150 ms RTT, 1.6 Mbps down).</summary>
    /// <remarks>Lighthouse calibrates the 4x to the host's benchmark index; this does not, so on a slow CI host it is harsher.</remarks>
    public static LabConditions Slow4G { get; } = new("slow-4g", 4, NetworkProfile.Slow4G);

    /// <summary>
    /// Lighthouse's mobile preset: a phone (412x823 at 1.75x, touch) on Slow 4G with 4x CPU slowdown,
    /// scored with Lighthouse's mobile curves.
    /// </summary>
    public static LabConditions Mobile { get; } = new("mobile", 4, NetworkProfile.Slow4G) { FormFactor = FormFactor.Mobile };

    /// <summary>Every named profile.</summary>
    public static IReadOnlyList<LabConditions> All { get; } = [Desktop, Slow4G, Mobile];

    /// <summary>Finds a profile by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such profile; the message lists the known ones.</exception>
    public static LabConditions Named(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown lab conditions '{name}' (known: {string.Join(", ", All.Select(c => c.Name))})", nameof(name));

    /// <summary>Splits a budget scenario name <c>page[@conditions]</c>.</summary>
    /// <exception cref="ArgumentException">The conditions part names no profile.</exception>
    public static (string Page, LabConditions Conditions) ParseScenario(string scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var at = scenario.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (scenario, Desktop) : (scenario[..at], Named(scenario[(at + 1)..]));
    }
}
