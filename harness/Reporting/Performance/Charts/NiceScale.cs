namespace PerfTests.Reporting.Performance.Charts;

/// <summary>Axis ranges rounded to 1, 2, 2.5 or 5 times a power of ten, so ticks read naturally.</summary>
internal readonly record struct NiceScale(double Min, double Max, double Step)
{
    public static NiceScale From(double min, double max, int targetTicks = 5)
    {
        if (!(max > min))
        {
            max = min + 1;
        }

        var step = NiceStep((max - min) / targetTicks);
        return new NiceScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        // Index-based so floating-point drift never adds or loses the last tick.
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Min + (i * Step);
        }
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
