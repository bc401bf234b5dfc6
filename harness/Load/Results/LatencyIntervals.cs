using HdrHistogram;
using HdrHistogram.Utilities;
using PerfTests.Load.Histograms;

namespace PerfTests.Load.Results;

/// <summary>
/// The corrected latency of successful iterations, second by second (the histograms behind
/// <see cref="ScenarioResult.Timeline"/>), kept compressed: a few hundred bytes a second instead of the
/// histogram's full counts array, so an hour-long run keeps all of them. Any window of seconds merges
/// exactly, because every histogram of the engine has one configuration (<see cref="HistogramSettings"/>).
/// </summary>
public sealed class LatencyIntervals
{
    private readonly SortedList<int, byte[]> _seconds;

    private LatencyIntervals(SortedList<int, byte[]> seconds) => _seconds = seconds;

    /// <summary>No seconds recorded.</summary>
    public static LatencyIntervals Empty { get; } = new([]);

    /// <summary>The measured seconds that have samples (1 = the first second after warm-up), in order.</summary>
    public IReadOnlyList<int> Seconds => [.. _seconds.Keys];

    /// <summary>The latency of seconds <paramref name="first"/> to <paramref name="last"/> (inclusive), merged; empty when none had samples.</summary>
    public LatencyStats Window(int first, int last)
    {
        var merged = HistogramSettings.Create();
        foreach (var (second, bytes) in _seconds)
        {
            if (second >= first && second <= last)
            {
                merged.Add(Decode(bytes));
            }
        }

        return new LatencyStats(merged);
    }

    /// <summary>Every second's histogram, decoded (a merge of shards adds them second by second).</summary>
    internal IEnumerable<(int Second, HistogramBase Histogram)> Histograms() =>
        _seconds.Select(s => (s.Key, Decode(s.Value)));

    private static HistogramBase Decode(byte[] bytes) =>
        HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), HistogramSettings.HighestUs);

    /// <summary>Collects one histogram a second; one thread at a time (the scenario's collector).</summary>
    internal sealed class Builder
    {
        private readonly SortedList<int, byte[]> _seconds = [];
        private ByteBuffer? _buffer;

        public void Add(int second, HistogramBase interval)
        {
            if (interval.TotalCount == 0)
            {
                return;
            }

            // One buffer of the histogram's full size, reused: the compressed form is what is kept.
            _buffer ??= ByteBuffer.Allocate(interval.GetNeededByteBufferCapacity());
            _buffer.Position = 0;
            var length = interval.EncodeIntoCompressedByteBuffer(_buffer);
            // Read back only the encoded bytes (ToArray would copy the whole buffer every second).
            var bytes = new byte[length];
            _buffer.Position = 0;
            for (var i = 0; i < length; i++)
            {
                bytes[i] = _buffer.Get();
            }

            _seconds[second] = bytes;
        }

        public LatencyIntervals Build() => new(new SortedList<int, byte[]>(_seconds));
    }
}
