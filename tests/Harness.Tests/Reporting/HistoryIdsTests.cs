using PerfTests.Reporting.Model;
using PerfTests.Reporting.Writing;

namespace Harness.Tests.Reporting;

[TestFixture]
internal sealed class HistoryIdsTests
{
    private static Parameter P(string name, string value, bool excluded = false) =>
        new() { Name = name, Value = value, Excluded = excluded };

    [Test]
    public void HistoryId_SameNameAndParametersInAnyOrder_Equal()
    {
        var a = HistoryIds.HistoryId("Demo.Load", [P("users", "50"), P("rate", "100")]);
        var b = HistoryIds.HistoryId("Demo.Load", [P("rate", "100"), P("users", "50")]);

        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void HistoryId_NonExcludedParameterChanges_Differs()
    {
        var a = HistoryIds.HistoryId("Demo.Load", [P("users", "50")]);
        var b = HistoryIds.HistoryId("Demo.Load", [P("users", "51")]);

        Assert.That(a, Is.Not.EqualTo(b));
    }

    [Test]
    public void HistoryId_OnlyExcludedParameterChanges_Equal()
    {
        var a = HistoryIds.HistoryId("Demo.Load", [P("users", "50"), P("seed", "1", excluded: true)]);
        var b = HistoryIds.HistoryId("Demo.Load", [P("users", "50"), P("seed", "2", excluded: true)]);

        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void TestCaseId_DependsOnFullNameOnly()
    {
        var first = HistoryIds.TestCaseId("Demo.A");
        var again = HistoryIds.TestCaseId(string.Concat("Demo.", "A"));
        var other = HistoryIds.TestCaseId("Demo.B");

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first).And.Length.EqualTo(32));
            Assert.That(other, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void StopTest_TwoRunsOfSameTest_WriteSameHistoryIdAndDifferentUuids()
    {
        string RunOnce(string seed, string users)
        {
            using var fx = new ReportingFixture();
            fx.Lifecycle.StartTest("k", "C", new TestResult { Uuid = Guid.NewGuid().ToString(), FullName = "Demo.Load", Name = "Load" });
            fx.Lifecycle.Parameter("users", users, excluded: false, ParameterMode.Default);
            fx.Lifecycle.Parameter("seed", seed, excluded: true, ParameterMode.Default);
            fx.Lifecycle.StopTest("k", AllureStatus.Passed, null);
            var json = fx.ReadSingle("*-result.json");
            return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("historyId").GetString()!;
        }

        var run1 = RunOnce(seed: "1", users: "50");
        var run2 = RunOnce(seed: "2", users: "50");
        var run3 = RunOnce(seed: "1", users: "60");

        Assert.Multiple(() =>
        {
            Assert.That(run2, Is.EqualTo(run1));
            Assert.That(run3, Is.Not.EqualTo(run1));
        });
    }
}
