using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using PerfTests;

namespace Harness.Tests.Reporting;

[TestFixture]
internal sealed class AllureResultsAttributeTests
{
    [Test]
    public void BeforeAndAfter_CurrentTestFailedByAssertion_WritesFailedResultWithMessage()
    {
        using var fx = new ReportingFixture();
        var test = TestExecutionContext.CurrentContext.CurrentTest;

        AllureResultsAttribute.Before(test, fx.Lifecycle);
        fx.Time.Advance(TimeSpan.FromMilliseconds(250));
        var ok = AllureResultsAttribute.After(test, ResultState.Failure, "Budget breach: p99 > 400 ms", "at X", fx.Lifecycle);

        var json = System.Text.Json.JsonDocument.Parse(fx.ReadSingle("*-result.json")).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(json.GetProperty("stage").GetString(), Is.EqualTo("finished"));
            Assert.That(json.GetProperty("statusDetails").GetProperty("message").GetString(), Is.EqualTo("Budget breach: p99 > 400 ms"));
            Assert.That(json.GetProperty("stop").GetInt64() - json.GetProperty("start").GetInt64(), Is.EqualTo(250));
            Assert.That(json.GetProperty("name").GetString(), Is.EqualTo(test.MethodName));
        });
    }

    [Test]
    public void After_TestNeverStarted_ReturnsFalseWithoutWriting()
    {
        using var fx = new ReportingFixture();

        var ok = AllureResultsAttribute.After(TestExecutionContext.CurrentContext.CurrentTest, ResultState.Success, null, null, fx.Lifecycle);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(fx.Files("*-result.json"), Is.Empty);
        });
    }

    [Test]
    public void Targets_TestsAndSuites()
    {
        Assert.That(new AllureResultsAttribute().Targets, Is.EqualTo(ActionTargets.Test | ActionTargets.Suite));
    }

    [Test]
    public void RecordNotStarted_IgnoredAndParentSetUpFailure_WrittenOnceAsSkippedAndBroken()
    {
        using var fx = new ReportingFixture();
        var suite = new TestSuite(typeof(NotStartedSamples));
        var ignored = new TestMethod(new MethodWrapper(typeof(NotStartedSamples), nameof(NotStartedSamples.Ignored)), suite);
        var blocked = new TestMethod(new MethodWrapper(typeof(NotStartedSamples), nameof(NotStartedSamples.Blocked)), suite);
        var explicitTest = new TestMethod(new MethodWrapper(typeof(NotStartedSamples), nameof(NotStartedSamples.Explicit)), suite);
        suite.Add(ignored);
        suite.Add(blocked);
        suite.Add(explicitTest);
        var suiteResult = new TestSuiteResult(suite);
        suiteResult.AddResult(Result(ignored, ResultState.Ignored, "needs a GPU runner"));
        suiteResult.AddResult(Result(blocked, ResultState.SetUpError.WithSite(FailureSite.Parent), "OneTimeSetUp: container redis did not start"));
        suiteResult.AddResult(Result(explicitTest, ResultState.Explicit, "explicit"));

        var first = AllureResultsAttribute.RecordNotStarted(suiteResult, fx.Lifecycle);
        var again = AllureResultsAttribute.RecordNotStarted(suiteResult, fx.Lifecycle);

        var statuses = fx.Files("*-result.json")
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(2));
            Assert.That(again, Is.Zero);
            Assert.That(statuses, Has.Count.EqualTo(2));
            Assert.That(statuses[nameof(NotStartedSamples.Ignored)], Is.EqualTo("skipped"));
            Assert.That(statuses[nameof(NotStartedSamples.Blocked)], Is.EqualTo("broken"));
        });
    }

    [Test]
    public void RecordNotStarted_TestAlreadyRecorded_NotDuplicated()
    {
        using var fx = new ReportingFixture();
        var suite = new TestSuite(typeof(NotStartedSamples));
        var test = new TestMethod(new MethodWrapper(typeof(NotStartedSamples), nameof(NotStartedSamples.Blocked)), suite);
        suite.Add(test);
        AllureResultsAttribute.Before(test, fx.Lifecycle);
        AllureResultsAttribute.After(test, ResultState.Success, null, null, fx.Lifecycle);
        var suiteResult = new TestSuiteResult(suite);
        suiteResult.AddResult(Result(test, ResultState.Success, ""));

        var written = AllureResultsAttribute.RecordNotStarted(suiteResult, fx.Lifecycle);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.Zero);
            Assert.That(fx.Files("*-result.json"), Has.Length.EqualTo(1));
        });
    }

    private static TestResult Result(Test test, ResultState state, string message)
    {
        var result = test.MakeTestResult();
        result.SetResult(state, message);
        return result;
    }

    /// <summary>Only the methods' identities matter: these are never run.</summary>
    internal static class NotStartedSamples
    {
        public static void Ignored() { }

        public static void Blocked() { }

        public static void Explicit() { }
    }
}
