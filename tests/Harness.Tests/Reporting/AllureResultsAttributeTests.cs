using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using PerfTests.Reporting.NUnit;

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
    public void Targets_PerTest()
    {
        Assert.That(new AllureResultsAttribute().Targets, Is.EqualTo(ActionTargets.Test));
    }
}
