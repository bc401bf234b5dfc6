namespace PerfTests.Exporters;

/// <summary>The exporters every performance test runs, in order; add your own with <see cref="PerfTest.WithExporter"/>.</summary>
public static class DefaultExporters
{
    /// <summary>Overview first, then the details, then the files beside the report.</summary>
    public static IReadOnlyList<IExporter> All { get; } =
    [
        new OverviewExporter(),
        new BudgetTableExporter(),
        new GateReportsExporter(),
        new ScenarioChartsExporter(),
        new ResourcesExporter(),
        new RunTablesExporter(),
        new HistogramLogExporter(),
        new MetricsExporter(),
        new MarkdownSummaryExporter(),
        new RunSummaryExporter(),
        new ShardOutputExporter(),
    ];
}
