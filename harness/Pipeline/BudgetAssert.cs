using NUnit.Framework;
using PerfTests.Budgets;

namespace PerfTests;

/// <summary>Judges a run against its budget inside an NUnit test.</summary>
public static class BudgetAssert
{
    /// <summary>
    /// Evaluates every metric, always writes the full table (scope, metric, actual, target, warn,
    /// fail, verdict, samples) to <c>TestContext.Out</c>, then fails the test listing every breach
    /// (actual vs limit) if any metric failed, or records an NUnit warning if any metric warned.
    /// </summary>
    /// <returns>The report, for exporters (only reached when nothing failed).</returns>
    public static BudgetReport Meets(IMeasurements measurements, Budget budget) =>
        Meets(measurements, budget, bottleneckHint: null);

    /// <summary>
    /// As <see cref="Meets(IMeasurements, Budget)"/>, and a failure message also carries
    /// <paramref name="bottleneckHint"/> (which resource was saturated during the run), when given.
    /// </summary>
    public static BudgetReport Meets(IMeasurements measurements, Budget budget, string? bottleneckHint)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(budget);
        return Meets(BudgetEvaluator.Evaluate(budget, measurements), bottleneckHint);
    }

    /// <summary>
    /// Asserts an already evaluated report (so exporters can attach it first, without judging twice):
    /// writes the table, fails listing every breach (with <paramref name="bottleneckHint"/> when
    /// given), or warns.
    /// </summary>
    public static BudgetReport Meets(BudgetReport report, string? bottleneckHint = null) =>
        Meets(report, bottleneckHint, otherFailure: null);

    /// <summary>
    /// As <see cref="Meets(BudgetReport, string?)"/>, and also fails when <paramref name="otherFailure"/>
    /// is given (e.g. the baseline gate's regression message): ONE failure lists the budget breaches
    /// (if any) and the other failure, so neither hides the other.
    /// </summary>
    public static BudgetReport Meets(BudgetReport report, string? bottleneckHint, string? otherFailure)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = BudgetReportFormatter.Table(report);
        TestContext.Out.WriteLine(table);
        if (report.Failed || !string.IsNullOrWhiteSpace(otherFailure))
        {
            Assert.Fail(PerfTests.Gates.BudgetMessages.Combined(report, table, bottleneckHint, otherFailure));
        }

        if (report.Warned)
        {
            Assert.Warn(PerfTests.Gates.BudgetMessages.Warning(report));
        }

        return report;
    }

    /// <summary>Loads <c>budgets/&lt;suite&gt;.yaml</c> with the run's overlay  and asserts it.</summary>
    public static BudgetReport Meets(IMeasurements measurements, string suite) =>
        Meets(measurements, BudgetLocator.Load(suite, PerfSettings.Current, TestContext.CurrentContext.TestDirectory));

    /// <summary>As <see cref="Meets(IMeasurements, string)"/>, with a bottleneck hint in the failure message when given.</summary>
    public static BudgetReport Meets(IMeasurements measurements, string suite, string? bottleneckHint) =>
        Meets(measurements, BudgetLocator.Load(suite, PerfSettings.Current, TestContext.CurrentContext.TestDirectory), bottleneckHint);
}

/// <summary>Finds and loads <c>budgets/&lt;suite&gt;.yaml</c> with the run's overlay (the suites' old path, until they move to <see cref="PerfTest"/>).</summary>
public static class BudgetFiles
{
    /// <summary>Loads the budget of a suite with the overlay named by the run settings.</summary>
    public static Budget Load(string suite, PerfRunSettings? settings = null)
    {
        settings ??= PerfRunSettings.Current;
        var perf = new PerfSettings { BudgetOverlay = settings.BudgetOverlay, BudgetsFolder = settings.BudgetsFolder };
        return BudgetLocator.Load(suite, perf, TestContext.CurrentContext.TestDirectory ?? AppContext.BaseDirectory);
    }
}
