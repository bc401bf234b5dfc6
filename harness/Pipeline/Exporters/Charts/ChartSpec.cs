namespace PerfTests.Exporters.Charts;

/// <summary>Which y axis a series or reference line is drawn against.</summary>
internal enum ChartAxis
{
    Left,
    Right,
}

/// <summary>One point; a null <paramref name="Y"/> is a gap in the line (a second without samples, never a fake 0).</summary>
internal readonly record struct ChartPoint(double X, double? Y);

/// <summary>A line of the chart.</summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<ChartPoint> Points, ChartAxis Axis = ChartAxis.Left, bool Dashed = false);

/// <summary>A horizontal dashed line, e.g. a budget's fail limit.</summary>
internal sealed record ReferenceLine(string Label, double Y, string Color, ChartAxis Axis = ChartAxis.Left);

/// <summary>A labelled point on the left axis, e.g. a budget's p(99) fail limit placed at x = p99.</summary>
internal sealed record ChartMarker(double X, double Y, string Label, string Color);

/// <summary>A fixed x tick (used by the log-like percentile axis).</summary>
internal sealed record AxisTick(double Value, string Label);

/// <summary>Everything a chart shows; rendered by <see cref="SvgChartRenderer"/>.</summary>
internal sealed record ChartSpec
{
    public required string Title { get; init; }

    /// <summary>X axis title with its unit, e.g. "time since start (s)".</summary>
    public required string XLabel { get; init; }

    /// <summary>Left y axis title with its unit.</summary>
    public required string YLabel { get; init; }

    /// <summary>Right y axis title; null when no series uses the right axis.</summary>
    public string? Y2Label { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    public IReadOnlyList<ReferenceLine> ReferenceLines { get; init; } = [];

    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Shaded windows; their offsets are x values in seconds.</summary>
    public IReadOnlyList<TimelineMark> Marks { get; init; } = [];

    /// <summary>Fixed x ticks; null for evenly spaced "nice" ticks.</summary>
    public IReadOnlyList<AxisTick>? XTicks { get; init; }

    /// <summary>Top of the left axis when every value fits under it (100 for percentages); null for the largest value plus headroom.</summary>
    public double? YMax { get; init; }

    public double XMin { get; init; }

    /// <summary>Right end of the x axis; null for the largest x of the series.</summary>
    public double? XMax { get; init; }

    /// <summary>Why the chart has nothing to show; null lets the renderer decide from the points.</summary>
    public string? NoDataReason { get; init; }
}
