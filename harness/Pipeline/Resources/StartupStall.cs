using System.Globalization;
using PerfTests.Load.Results;

namespace PerfTests.Resources;

/// <summary>
/// A stall at the start of the measurement: the first seconds much slower than the rest, then a burst
/// of arrivals above the planned rate as the open model catches up with what queued. With it, the signs
/// of a system still warming up: thread-pool threads injected one by one, connection pools filling.
/// Cold start or a busy machine, not steady-state capacity: the warm-up is too short for this machine.
/// </summary>
internal static class StartupStall
{
    /// <summary>Seconds at the start that are looked at.</summary>
    private const int Early = 10;

    /// <summary>A start this many times slower than the median second counts as a stall.</summary>
    private const double SlowFactor = 3;

    /// <summary>A second with this many times the median rate is a catch-up burst.</summary>
    private const double BurstFactor = 1.5;

    public static IEnumerable<string> Assess(LoadRunResult? run, ResourceReport resources)
    {
        var seconds = run?.Scenarios.SelectMany(s => s.Timeline).GroupBy(p => p.Second).OrderBy(g => g.Key)
            .Select(g => (Second: g.Key, Requests: g.Sum(p => p.Requests), P95Ms: g.Max(p => p.P95Us) / 1000.0)).ToList();
        if (seconds is null || seconds.Count < 3 * Early)
        {
            yield break;
        }

        var start = seconds.Take(Early).ToList();
        var rest = seconds.Skip(Early).Where(s => s.P95Ms is not null).Select(s => s.P95Ms!.Value).Order().ToList();
        var rates = seconds.Select(s => (double)s.Requests).Order().ToList();
        var (slowest, burst) = (start.Max(s => s.P95Ms ?? 0), start.Max(s => s.Requests));
        var (typical, planned) = (Median(rest), Median(rates));
        if (rest.Count == 0 || slowest < SlowFactor * typical || burst < BurstFactor * planned)
        {
            yield break;
        }

        var signs = new List<string>();
        foreach (var (suffix, what) in new[] { ("threadpool_threads", "thread-pool threads"), ("connections", "connections") })
        {
            foreach (var name in resources.Series.Keys.Where(k => k.EndsWith("." + suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var points = resources.Series[name];
                if (points.Count > 1 && points.Max(p => p.Value) >= 2 * Math.Max(points[0].Value, 1))
                {
                    signs.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {points[0].Value:0} -> {points.Max(p => p.Value):0} {what}"));
                }
            }
        }

        yield return string.Create(CultureInfo.InvariantCulture,
            $"start-up stall: p95 up to {slowest:0} ms in the first {Early} s against {typical:0} ms later, then a catch-up burst of {burst} req/s against {planned:0} planned")
            + (signs.Count == 0 ? "" : " (" + string.Join(", ", signs) + ")")
            + "; a longer warm-up keeps it out of the measurement";
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}
