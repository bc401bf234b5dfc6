namespace PerfTests.Exporters.Charts;

/// <summary>The plot rectangle in pixels and the scales that map data onto it.</summary>
internal sealed record PlotArea(double X0, double Y0, double X1, double Y1, NiceScale XScale, NiceScale YLeft, NiceScale YRight)
{
    /// <summary>Pixel x of a data x, clamped to the plot so stray marks never draw outside it.</summary>
    public double X(double value) =>
        Math.Clamp(X0 + ((value - XScale.Min) / (XScale.Max - XScale.Min) * (X1 - X0)), X0, X1);

    /// <summary>Pixel y of a data y on the given axis (SVG y grows downwards).</summary>
    public double Y(double value, ChartAxis axis)
    {
        var scale = axis == ChartAxis.Left ? YLeft : YRight;
        return Math.Clamp(Y1 - ((value - scale.Min) / (scale.Max - scale.Min) * (Y1 - Y0)), Y0, Y1);
    }
}
