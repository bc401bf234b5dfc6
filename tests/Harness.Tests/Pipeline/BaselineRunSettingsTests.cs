using PerfTests;

namespace Harness.Tests.Pipeline;

[TestFixture]
public sealed class BaselineRunSettingsTests
{
    private static BaselineRunSettings From(Dictionary<string, string> parameters, Dictionary<string, string>? environment = null) =>
        BaselineRunSettings.FromSources(parameters.GetValueOrDefault, n => environment?.GetValueOrDefault(n));

    [Test]
    public void FromSources_Nothing_TenSecondIntervalsNoFolders()
    {
        Assert.That(From([]), Is.EqualTo(new BaselineRunSettings(TimeSpan.FromSeconds(10), null, null)));
    }

    [Test]
    public void FromSources_RunParameterWinsOverEnvironment()
    {
        var settings = From(
            new() { ["BaselineInterval"] = "1", ["BaselineDir"] = "baseline" },
            new() { ["PERF_BASELINE_INTERVAL"] = "5", ["PERF_BASELINE_DIR"] = "other", ["PERF_SUMMARY_DIR"] = "artifacts/perf/summaries" });

        Assert.That(settings.Interval, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(settings.BaselineFolder, Is.EqualTo("baseline"));
        Assert.That(settings.SummaryFolder, Is.EqualTo("artifacts/perf/summaries"));
    }

    [TestCase("0")]
    [TestCase("1.5")]
    [TestCase("00:00:10")]
    [TestCase("-1")]
    public void FromSources_BadInterval_ThrowsNamingTheSource(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From([], new() { ["PERF_BASELINE_INTERVAL"] = value }));

        Assert.That(error!.Message, Does.Contain("PERF_BASELINE_INTERVAL").And.Contain(value).And.Contain("whole seconds"));
    }

    [TestCase(null, true)]
    [TestCase("fail", true)]
    [TestCase("report", false)]
    [TestCase("Report", false)]
    public void FromSources_BaselineGate_SetsFailOnRegression(string? value, bool fails)
    {
        var parameters = value is null ? new Dictionary<string, string>() : new() { ["BaselineGate"] = value };

        Assert.That(From(parameters).FailOnRegression, Is.EqualTo(fails));
    }

    [Test]
    public void FromSources_UnknownBaselineGate_ThrowsNamingTheSourceAndTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From([], new() { ["PERF_BASELINE_GATE"] = "warn" }));

        Assert.That(error!.Message, Does.Contain("PERF_BASELINE_GATE").And.Contain("'warn'").And.Contain("'fail'").And.Contain("'report'"));
    }
}
