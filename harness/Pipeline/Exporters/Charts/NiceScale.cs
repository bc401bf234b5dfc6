namespace PerfTests.Exporters.Charts;

/// <summary>Axis ranges rounded to 1, 2, 2.5 or 5 times a power of ten, so ticks read naturally.</summary>
internal readonly record struct NiceScale(double Min, double Max, double Step)
{
    // allowQuarters: whether 2.5 x 10^n steps are allowed (fine for values, odd for seconds).
    public static NiceScale From(double min, double max, int targetTicks = 5, bool allowQuarters = true)
    {
        if (!(max > min))
        {
            max = min + 1;
        }

        var step = NiceStep((max - min) / targetTicks, allowQuarters);
        return new NiceScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    /// <summary>A scale from 0 with exactly <paramref name="intervals"/> nice steps covering <paramref name="max"/>, so a right axis shares the left one's grid lines.</summary>
    public static NiceScale Aligned(double max, int intervals)
    {
        var step = NiceStep((max <= 0 ? 1 : max) / intervals, allowQuarters: true);
        return new NiceScale(0, step * intervals, step);
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

    private static double NiceStep(double raw, bool allowQuarters)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 && allowQuarters ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
