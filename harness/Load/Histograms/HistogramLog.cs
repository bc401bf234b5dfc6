using HdrHistogram;

namespace PerfTests.Load.Histograms;

/// <summary>
/// Writes and reads histograms in the standard HdrHistogram log format (readable by
/// HistogramLogAnalyzer and the Java/Go tooling). HdrHistogram.NET writes the log as UTF-16;
/// start/end timestamps of each histogram are epoch milliseconds.
/// </summary>
public static class HistogramLog
{
    /// <summary>
    /// Writes <paramref name="histograms"/> to <paramref name="stream"/> (the underlying writer closes it). Histograms without
    /// timestamps get <paramref name="startTime"/> (epoch ms) as start and end, so the log stays valid.
    /// </summary>
    public static void Write(Stream stream, DateTimeOffset startTime, params HistogramBase[] histograms)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(histograms);
        var startMs = startTime.ToUnixTimeMilliseconds();
        foreach (var h in histograms)
        {
            if (h.StartTimeStamp == 0)
            {
                h.StartTimeStamp = startMs;
            }

            if (h.EndTimeStamp == 0)
            {
                h.EndTimeStamp = h.StartTimeStamp;
            }
        }

        // Dispose flushes the writer's UTF-16 StreamWriter (and closes the stream).
        var writer = new HistogramLogWriter(stream);
        writer.Write(startTime.UtcDateTime, histograms);
        writer.Dispose();
    }

    /// <summary>
    /// Writes a scenario's histograms, tagged "{scenario}.latency", "{scenario}.uncorrected" and
    /// "{scenario}.step.{step}", each spanning the measured duration from <paramref name="startTime"/>.
    /// </summary>
    public static void Write(Stream stream, DateTimeOffset startTime, Results.ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var startMs = startTime.ToUnixTimeMilliseconds();
        var endMs = startMs + (long)scenario.Duration.TotalMilliseconds;
        var histograms = new List<HistogramBase>
        {
            Tagged(scenario.Latency.CopyHistogram(), $"{scenario.Name}.latency", startMs, endMs),
            Tagged(scenario.UncorrectedLatency.CopyHistogram(), $"{scenario.Name}.uncorrected", startMs, endMs),
        };
        histograms.AddRange(scenario.Steps.Select(s => Tagged(s.Latency.CopyHistogram(), $"{scenario.Name}.step.{s.Name}", startMs, endMs)));
        Write(stream, startTime, [.. histograms]);
    }

    /// <summary>Reads every histogram from a log written by <see cref="Write(Stream, DateTimeOffset, HistogramBase[])"/> (or any HdrHistogram log); closes the stream.</summary>
    public static IReadOnlyList<HistogramBase> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // HistogramLogReader.Read is lazy and disposes its reader first: materialise while it is open.
        using var reader = new HistogramLogReader(stream);
        return [.. reader.ReadHistograms()];
    }

    private static HistogramBase Tagged(HistogramBase histogram, string tag, long startMs, long endMs)
    {
        // The log format separates fields with commas and spaces: keep tags to one token.
        histogram.Tag = tag.Replace(' ', '_').Replace(',', '_');
        histogram.StartTimeStamp = startMs;
        histogram.EndTimeStamp = endMs;
        return histogram;
    }
}
