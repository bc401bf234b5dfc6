using HdrHistogram;
using PerfTests.Load.Histograms;

namespace PerfTests.Analysis.Baselines;

/// <summary>Reads the histograms embedded in a <see cref="ScenarioSummary"/>.</summary>
public static class SummaryHistograms
{
    /// <summary>The corrected latency histogram (µs), or null when the summary kept no log.</summary>
    public static HistogramBase? ReadLatency(ScenarioSummary scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.HistogramLogBase64 is null)
        {
            return null;
        }

        var tag = $"{scenario.Name}.latency".Replace(' ', '_').Replace(',', '_');
        var histograms = HistogramLog.Read(new MemoryStream(Convert.FromBase64String(scenario.HistogramLogBase64)));
        return histograms.FirstOrDefault(h => h.Tag == tag);
    }
}
