namespace PerfTests.Containers.Faults;

/// <summary>Samples injected delays; every sample is clamped to zero or more.</summary>
internal abstract class LatencyDistribution
{
    internal abstract TimeSpan Sample(Random random);

    internal abstract string Describe();

    internal static LatencyDistribution Fixed(TimeSpan delay) => new FixedLatency(delay);

    internal static LatencyDistribution Uniform(TimeSpan min, TimeSpan max) => new UniformLatency(min, max);

    internal static LatencyDistribution Normal(TimeSpan mean, TimeSpan stdDev) => new NormalLatency(mean, stdDev);

    internal static LatencyDistribution LogNormal(TimeSpan median, double sigma) => new LogNormalLatency(median, sigma);

    /// <summary>Standard normal draw (Box-Muller): no dependency on a statistics package for one formula.</summary>
    internal static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.###}ms";

    private static TimeSpan FromMs(double ms) => TimeSpan.FromMilliseconds(Math.Max(0, ms));

    private sealed class FixedLatency(TimeSpan delay) : LatencyDistribution
    {
        internal override TimeSpan Sample(Random random) => delay;

        internal override string Describe() => $"fixed {Ms(delay)}";
    }

    private sealed class UniformLatency(TimeSpan min, TimeSpan max) : LatencyDistribution
    {
        internal override TimeSpan Sample(Random random) =>
            FromMs(min.TotalMilliseconds + (random.NextDouble() * (max - min).TotalMilliseconds));

        internal override string Describe() => $"uniform {Ms(min)}..{Ms(max)}";
    }

    private sealed class NormalLatency(TimeSpan mean, TimeSpan stdDev) : LatencyDistribution
    {
        internal override TimeSpan Sample(Random random) =>
            FromMs(mean.TotalMilliseconds + (StandardNormal(random) * stdDev.TotalMilliseconds));

        internal override string Describe() => $"normal mean {Ms(mean)} sd {Ms(stdDev)}";
    }

    // Log-normal is the usual shape of real service latency: long right tail, median as the anchor.
    private sealed class LogNormalLatency(TimeSpan median, double sigma) : LatencyDistribution
    {
        internal override TimeSpan Sample(Random random) =>
            FromMs(median.TotalMilliseconds * Math.Exp(sigma * StandardNormal(random)));

        internal override string Describe() => $"log-normal median {Ms(median)} sigma {sigma:0.###}";
    }
}
