using PerfTests;
using PerfTests.Budgets;
using PerfTests.Suites.Infrastructure;

namespace Integration.Tests.Suites;

/// <summary>Shared pieces of the "the suite fails when it should" tests: a portal with a defect switched on, judged like the PR gate.</summary>
internal static class DefectRun
{
    /// <summary>The PR gate's settings: these tests prove the budgets the PR gate applies.</summary>
    public static readonly PerfSettings PrSettings = new() { DurationScale = 0.1, BudgetOverlay = "pr", BaselineInterval = TimeSpan.FromSeconds(1) };

    /// <summary>Starts containers and the portal with the given defect switches (section SampleSystem).</summary>
    public static async Task<PortalEnvironment> StartAsync(params (string Key, string Value)[] defects)
    {
        var overrides = defects.ToDictionary(d => "SampleSystem:" + d.Key, d => (string?)d.Value, StringComparer.OrdinalIgnoreCase);
        // Awaited here so the timeout lives as long as the start it bounds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        return await PortalEnvironment.StartAsync(PrSettings, overrides, timeout.Token);
    }

    /// <summary>The suite's test as the pipeline runs it, with the PR settings, lengths as written (not scaled again), never asserting.</summary>
    public static PerfTest Suite(string budget, PortalEnvironment environment) =>
        PerfTest.Create(budget).WithSettings(PrSettings).Unscaled().Target(environment.System);

    /// <summary>Names of failed metrics as <c>scope metric</c>, e.g. <c>portal-mix metric(sustainable_rps)</c>.</summary>
    public static IReadOnlyList<string> FailedMetrics(PerfResult result) =>
        (result.Budget ?? throw new InvalidOperationException("The run was judged without a budget.")).Failures.Select(f => $"{f.Scope} {f.Metric}").ToList();
}
