using System.Globalization;
using PerfTests.Load.Results;

namespace PerfTests.Load.Running;

/// <summary>One line per scenario per second: elapsed, req/s, p95, errors, dropped.</summary>
internal sealed class ProgressPrinter(TextWriter writer)
{
    private readonly Lock _gate = new();

    public void Report(string scenario, TimelinePoint point, (long Ok, long Fail, long Bytes, long Dropped) totals)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{point.Second,5}s] {scenario}: {point.Requests} req/s  p95 {Format.Micros(point.P95Us)}  errors {totals.Fail}  dropped {totals.Dropped}");
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }
}
