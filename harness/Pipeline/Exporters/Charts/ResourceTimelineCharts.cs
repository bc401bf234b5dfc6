namespace PerfTests.Exporters.Charts;

/// <summary>Timeline charts of sampled resources, one per <see cref="ResourceChartGroups"/> group that has metrics.</summary>
internal static class ResourceTimelineCharts
{
    private const string XLabel = "time since sampling began (s)";

    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>
    /// The charts, in group order; one "not enough data" chart when nothing was sampled. Every chart
    /// shares the x range (0 to the last sample of any metric) so they line up when compared.
    /// </summary>
    /// <param name="series">The sampled metrics.</param>
    /// <param name="interval">The sampling interval: consecutive points more than 1.5 intervals apart are a gap.</param>
    /// <param name="marks">Windows to shade, offsets since sampling began (e.g. where a source failed).</param>
    public static IReadOnlyList<ChartSpec> Build(IReadOnlyList<NamedSeries> series, TimeSpan interval, IReadOnlyList<TimelineMark> marks)
    {
        ArgumentNullException.ThrowIfNull(series);
        var end = series.SelectMany(s => s.Points).Select(p => p.At.TotalSeconds).DefaultIfEmpty(0).Max();
        if (series.All(s => s.Points.Count == 0))
        {
            return [Spec("timeline", "value", [], marks, null, series.Count == 0 ? "no resource was sampled" : "no samples")];
        }

        return
        [
            .. series.GroupBy(s => ResourceChartGroups.For(s.Name))
                .OrderBy(g => IndexOf(g.Key))
                .Select(g => Spec(
                    g.Key.Title, g.Key.YLabel,
                    [.. g.OrderBy(s => s.Name, StringComparer.Ordinal).Select((s, i) => Line(s, g.Key.Scale, interval, Palette[i % Palette.Length]))],
                    marks, end, null) with { YMax = g.Key.YMax }),
        ];
    }

    private static ChartSpec Spec(string title, string yLabel, IReadOnlyList<ChartSeries> lines, IReadOnlyList<TimelineMark> marks, double? end, string? noData) => new()
    {
        Title = "resources: " + title,
        XLabel = XLabel,
        YLabel = yLabel,
        Series = lines,
        Marks = marks,
        XMax = end,
        NoDataReason = noData,
    };

    private static ChartSeries Line(NamedSeries series, double scale, TimeSpan interval, string color)
    {
        var points = new List<ChartPoint>();
        var maxStep = interval.TotalSeconds * 1.5;
        double? previous = null;
        foreach (var (at, value) in series.Points.OrderBy(p => p.At))
        {
            var x = at.TotalSeconds;
            if (previous is { } p && maxStep > 0 && x - p > maxStep)
            {
                // Intervals without a sample (no traffic for a ratio, a slow source): break the line there.
                points.Add(new ChartPoint((p + x) / 2, null));
            }

            points.Add(new ChartPoint(x, double.IsFinite(value) ? value * scale : null));
            previous = x;
        }

        return new ChartSeries(series.Name, color, points);
    }

    private static int IndexOf(ResourceChartGroup group)
    {
        for (var i = 0; i < ResourceChartGroups.All.Count; i++)
        {
            if (ReferenceEquals(ResourceChartGroups.All[i], group))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
