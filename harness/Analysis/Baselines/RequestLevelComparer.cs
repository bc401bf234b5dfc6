using System.Globalization;
using HdrHistogram;
using MathNet.Numerics.Distributions;
using PerfTests.Load.Histograms;

namespace PerfTests.Analysis.Baselines;

/// <summary>
/// The side-by-side rule: compares two arms of ONE run request by request, from their saved latency
/// histograms (µs, from each request's intended start). Regressed needs BOTH a two-sided Mann-Whitney
/// test over every request (tie-corrected normal approximation) with p &lt; alpha AND a median at least
/// <c>minEffect</c> slower. Per-second p95 samples (the rule for separate runs) have too little power
/// here: at half the mix's rate a scenario's second holds 2-8 requests, so its "p95" is its maximum.
/// Arms measured in the same seconds share the machine's noise, which is what makes a request-level
/// test sound here and unsound between separate runs.
/// </summary>
public static class RequestLevelComparer
{
    /// <summary>Fewer requests than this in either arm gives NotEnoughData. 20.</summary>
    public const int MinRequests = 20;

    /// <summary>Compares every scenario of <paramref name="candidate"/> with the same-named one of <paramref name="baseline"/>.</summary>
    /// <param name="baseline">Baseline arm (histograms included).</param>
    /// <param name="candidate">Candidate arm of the same run.</param>
    /// <param name="alpha">Significance level; default 0.01.</param>
    /// <param name="minEffect">Smallest relative slowdown of the median that counts; default 0.10.</param>
    public static ComparisonReport Compare(RunSummary baseline, RunSummary candidate, double alpha = 0.01, double minEffect = 0.10)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var names = candidate.Scenarios.Select(s => s.Name).Concat(baseline.Scenarios.Select(s => s.Name)).Distinct();
        return new ComparisonReport([.. names.Select(n => CompareScenario(n, Latency(baseline.Find(n)), Latency(candidate.Find(n)), alpha, minEffect))]);
    }

    /// <summary>Compares two latency histograms (µs).</summary>
    public static ScenarioComparison CompareScenario(string scenario, HistogramBase? baseline, HistogramBase? candidate, double alpha = 0.01, double minEffect = 0.10)
    {
        long na = baseline?.TotalCount ?? 0, nb = candidate?.TotalCount ?? 0;
        if (na < MinRequests || nb < MinRequests)
        {
            return new ScenarioComparison(scenario, ComparisonVerdict.NotEnoughData, (int)na, (int)nb, null, null, null, null, null,
                $"only {na} vs {nb} requests (need {MinRequests} each): not enough data");
        }

        double medianA = baseline!.GetValueAtPercentile(50), medianB = candidate!.GetValueAtPercentile(50);
        var change = (medianB / medianA) - 1;
        var p95Change = (candidate.GetValueAtPercentile(95) / (double)baseline.GetValueAtPercentile(95)) - 1;
        var p = MannWhitneyP(baseline, candidate);
        var verdict = p < alpha && Math.Abs(change) >= minEffect
            ? (change > 0 ? ComparisonVerdict.Regressed : ComparisonVerdict.Improved)
            : ComparisonVerdict.Same;
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"median {change:+0.0%;-0.0%;0.0%}, p95 {p95Change:+0.0%;-0.0%;0.0%}, Mann-Whitney p={Formatting.PValue(p)} over {na} vs {nb} requests: {verdict.ToString().ToLowerInvariant()}");
        return new ScenarioComparison(scenario, verdict, (int)na, (int)nb, medianA, medianB, change, null, p, explanation);
    }

    // The "{scenario}.latency" histogram (from each request's intended start) is the first in the log.
    private static HistogramBase? Latency(ScenarioSummary? summary)
    {
        if (summary?.HistogramLogBase64 is null)
        {
            return null;
        }

        using var stream = new MemoryStream(Convert.FromBase64String(summary.HistogramLogBase64));
        var histograms = HistogramLog.Read(stream);
        return histograms.Count == 0 ? null : histograms[0];
    }

    private static double MannWhitneyP(HistogramBase a, HistogramBase b)
    {
        var counts = new SortedDictionary<long, (long A, long B)>();
        foreach (var v in a.RecordedValues())
        {
            counts[v.ValueIteratedTo] = (v.CountAtValueIteratedTo, 0);
        }

        foreach (var v in b.RecordedValues())
        {
            counts[v.ValueIteratedTo] = counts.TryGetValue(v.ValueIteratedTo, out var c) ? (c.A, v.CountAtValueIteratedTo) : (0, v.CountAtValueIteratedTo);
        }

        double na = a.TotalCount, nb = b.TotalCount, n = na + nb, rankSumA = 0, below = 0, ties = 0;
        foreach (var (_, (ca, cb)) in counts)
        {
            double t = ca + cb;
            rankSumA += ca * (below + ((t + 1) / 2));
            ties += (t * t * t) - t;
            below += t;
        }

        var u = rankSumA - (na * (na + 1) / 2);
        var variance = na * nb / 12 * ((n + 1) - (ties / (n * (n - 1))));
        if (variance <= 0)
        {
            return 1;
        }

        var z = Math.Abs(u - (na * nb / 2)) / Math.Sqrt(variance);
        return Math.Min(1, 2 * (1 - Normal.CDF(0, 1, z)));
    }
}
