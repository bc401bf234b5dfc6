using System.Diagnostics;
using System.Net;
using PerfTests.Containers.Faults;

namespace Integration.Tests.Faults;

/// <summary>Latency faults measured from a real HttpClient; bounds are generous (loopback adds ~ms, CI is busy).</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class LatencyFaultTests
{
    private static readonly Uri Price = new("/prices/ACME", UriKind.Relative);

    [TearDown]
    public void ClearFaults() => FaultsSetUp.Faults.Clear();

    [Test]
    public async Task FixedLatency_300ms_DelaysEveryResponseByAtLeast300ms()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.FixedLatency(TimeSpan.FromMilliseconds(300)));

        var samples = await MeasureAsync(http, 5);

        Assert.That(samples, Has.All.InRange(290.0, 2_000.0));
    }

    [Test]
    public async Task UniformLatency_100To200ms_StaysWithinTheRange()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.UniformLatency(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)));

        var samples = await MeasureAsync(http, 12);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(samples, Has.All.GreaterThanOrEqualTo(95.0));
            Assert.That(samples.Max() - samples.Min(), Is.GreaterThan(10.0), "uniform samples should vary");
        }
    }

    [Test]
    public async Task NormalLatency_Mean150ms_MeanOfResponsesNear150ms()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.NormalLatency(TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(30)));

        var samples = await MeasureAsync(http, 20);

        Assert.That(samples.Average(), Is.InRange(120.0, 260.0));
    }

    [Test]
    public async Task LogNormalLatency_Median100ms_MedianNear100msWithRightTail()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.LogNormalLatency(TimeSpan.FromMilliseconds(100), sigma: 0.5));

        var samples = await MeasureAsync(http, 25);
        var sorted = samples.Order().ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sorted[sorted.Length / 2], Is.InRange(65.0, 200.0), "median");
            Assert.That(sorted[^1], Is.GreaterThan(sorted[sorted.Length / 2] * 1.3), "log-normal has a right tail");
        }
    }

    [Test]
    public async Task NoFault_AfterClear_AnswersWithoutInjectedDelay()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.FixedLatency(TimeSpan.FromSeconds(1)));
        FaultsSetUp.Faults.Clear();

        var samples = await MeasureAsync(http, 3);

        Assert.That(samples, Has.All.LessThan(900.0));
    }

    private static async Task<double[]> MeasureAsync(HttpClient http, int count)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(Price);
            _ = await response.Content.ReadAsByteArrayAsync();
            result[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        return result;
    }
}
