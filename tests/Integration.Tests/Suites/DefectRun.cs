using PerfTests.Budgets;
using PerfTests;
using PerfTests.Suites.Infrastructure;

namespace Integration.Tests.Suites;

/// <summary>Shared pieces of the "the suite fails when it should" tests.</summary>
internal static class DefectRun
{
    /// <summary>The PR gate's settings: these tests prove the budgets the PR gate applies.</summary>
    public static readonly PerfRunSettings PrSettings = new(0.1, null, "pr", null);

    /// <summary>Starts containers and the portal with the given defect switches (section SampleSystem).</summary>
    public static async Task<PortalEnvironment> StartAsync(params (string Key, string Value)[] defects)
    {
        var overrides = defects.ToDictionary(d => "SampleSystem:" + d.Key, d => (string?)d.Value, StringComparer.OrdinalIgnoreCase);
        // Awaited here so the timeout lives as long as the start it bounds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        return await PortalEnvironment.StartAsync(overrides, timeout.Token);
    }

    /// <summary>Evaluates a suite's budget with the PR overlay and prints the table.</summary>
    public static BudgetReport Evaluate(string suite, IMeasurements measurements)
    {
        var report = BudgetEvaluator.Evaluate(BudgetFiles.Load(suite, PrSettings), measurements);
        TestContext.Out.WriteLine(BudgetReportFormatter.Table(report));
        return report;
    }

    /// <summary>Names of failed metrics as <c>scope metric</c>, e.g. <c>portal-mix metric(sustainable_rps)</c>.</summary>
    public static IReadOnlyList<string> FailedMetrics(BudgetReport report) =>
        report.Failures.Select(f => $"{f.Scope} {f.Metric}").ToList();
}
