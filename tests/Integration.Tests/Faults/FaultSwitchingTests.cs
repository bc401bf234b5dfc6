using System.Net;
using PerfTests.Containers.Faults;

namespace Integration.Tests.Faults;

[Category("Integration")]
[NonParallelizable]
public sealed class FaultSwitchingTests
{
    private static readonly Uri Price = new("/prices/ACME", UriKind.Relative);

    [TearDown]
    public void ClearFaults() => FaultsSetUp.Faults.Clear();

    [Test]
    public async Task Schedule_ErrorWindowMidRun_ErrorsOnlyInsideTheWindowOnTheTimeline()
    {
        using var http = FaultsSetUp.CreateClient();
        var faults = FaultsSetUp.Faults;
        var fault = Fault.ErrorRatio(503, 1.0);
        var runStart = DateTimeOffset.UtcNow;

        using var schedule = faults.Schedule(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(1_000), fault);
        var observations = new List<(DateTimeOffset Sent, DateTimeOffset Received, HttpStatusCode Status)>();
        while (DateTimeOffset.UtcNow - runStart < TimeSpan.FromMilliseconds(1_600))
        {
            var sent = DateTimeOffset.UtcNow;
            using var response = await http.GetAsync(Price);
            observations.Add((sent, DateTimeOffset.UtcNow, response.StatusCode));
            await Task.Delay(20);
        }

        var entries = faults.Timeline.Entries.Where(e => e.At >= runStart && e.Fault == fault.Description).ToArray();
        Assert.That(entries.Select(e => e.Change), Is.EqualTo(new[] { FaultChange.Applied, FaultChange.Removed }));
        var (applied, removed) = (entries[0].At, entries[1].At);
        var errors = observations.Where(o => o.Status == HttpStatusCode.ServiceUnavailable).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Not.Empty, "the window produced errors");
            Assert.That(errors.All(o => o.Received >= applied && o.Sent <= removed), Is.True, "every error falls inside the window");
            Assert.That(observations.Where(o => o.Received < applied).Select(o => o.Status), Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(observations.Where(o => o.Sent > removed).Select(o => o.Status), Is.Not.Empty.And.All.EqualTo(HttpStatusCode.OK));
            Assert.That((removed - applied).TotalMilliseconds, Is.InRange(500.0, 1_000.0), "window length ~600 ms");
        }
    }

    [Test]
    public async Task ApplyThenClear_Imperatively_SwitchesResponsesAndRecordsBothChanges()
    {
        using var http = FaultsSetUp.CreateClient();
        var faults = FaultsSetUp.Faults;
        var before = faults.Timeline.Entries.Count;

        faults.Apply(Fault.ErrorRatio(502, 1.0));
        using var during = await http.GetAsync(Price);
        faults.Clear();
        using var after = await http.GetAsync(Price);

        var changes = faults.Timeline.Entries.Skip(before).Select(e => e.Change).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(during.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(changes, Is.EqualTo(new[] { FaultChange.Applied, FaultChange.Cleared }));
        }
    }
}
