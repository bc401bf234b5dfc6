using NUnit.Framework.Interfaces;
using PerfTests.Reporting.Model;
using PerfTests.Reporting.NUnit;

namespace Harness.Tests.Reporting;

[TestFixture]
internal sealed class OutcomeMapperTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(ResultState.Success, AllureStatus.Passed).SetArgDisplayNames("Success");
        yield return new TestCaseData(ResultState.Failure, AllureStatus.Failed).SetArgDisplayNames("Failure");
        yield return new TestCaseData(ResultState.Error, AllureStatus.Broken).SetArgDisplayNames("Error");
        yield return new TestCaseData(ResultState.SetUpError, AllureStatus.Broken).SetArgDisplayNames("SetUpError");
        yield return new TestCaseData(ResultState.TearDownError, AllureStatus.Broken).SetArgDisplayNames("TearDownError");
        yield return new TestCaseData(ResultState.Cancelled, AllureStatus.Broken).SetArgDisplayNames("Cancelled");
        yield return new TestCaseData(ResultState.NotRunnable, AllureStatus.Broken).SetArgDisplayNames("NotRunnable");
        yield return new TestCaseData(ResultState.Failure.WithSite(FailureSite.Parent), AllureStatus.Broken).SetArgDisplayNames("ParentFailure");
        yield return new TestCaseData(ResultState.Ignored, AllureStatus.Skipped).SetArgDisplayNames("Ignored");
        yield return new TestCaseData(ResultState.Explicit, AllureStatus.Skipped).SetArgDisplayNames("Explicit");
        yield return new TestCaseData(ResultState.Inconclusive, AllureStatus.Skipped).SetArgDisplayNames("Inconclusive");
        yield return new TestCaseData(ResultState.Warning, AllureStatus.Passed).SetArgDisplayNames("Warning");
    }

    [TestCaseSource(nameof(Cases))]
    public void Map_NUnitOutcome_AllureStatus(ResultState outcome, AllureStatus expected)
    {
        var (status, _) = OutcomeMapper.Map(outcome, "message", "trace");

        Assert.That(status, Is.EqualTo(expected));
    }

    [Test]
    public void Map_InconclusivePerformanceVerdict_BrokenSoItIsAnEnvironmentFailure()
    {
        var (status, details) = OutcomeMapper.Map(ResultState.Inconclusive, "Inconclusive: the budget was breached while the environment was disturbed", null);

        Assert.That(status, Is.EqualTo(AllureStatus.Broken));
        Assert.That(details?.Message, Does.StartWith("Inconclusive: "));
    }

    [Test]
    public void Map_Warning_PassedWithPrefixedMessage()
    {
        var (_, details) = OutcomeMapper.Map(ResultState.Warning, "p95 close to budget", null);

        Assert.That(details?.Message, Is.EqualTo("Warning: p95 close to budget"));
    }

    [Test]
    public void Map_PassedWithoutMessage_NoStatusDetails()
    {
        var (_, details) = OutcomeMapper.Map(ResultState.Success, "", null);

        Assert.That(details, Is.Null);
    }
}
