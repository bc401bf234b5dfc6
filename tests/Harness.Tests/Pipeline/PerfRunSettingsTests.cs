using PerfTests;

namespace Harness.Tests.Pipeline;

[TestFixture]
public sealed class PerfRunSettingsTests
{
    private static PerfRunSettings From(Dictionary<string, string> parameters, Dictionary<string, string>? environment = null) =>
        PerfRunSettings.FromSources(parameters.GetValueOrDefault, n => environment?.GetValueOrDefault(n));

    [Test]
    public void FromSources_Nothing_GivesDefaults()
    {
        var settings = From([]);

        Assert.That(settings, Is.EqualTo(new PerfRunSettings(1.0, null, "local", null)));
    }

    [Test]
    public void FromSources_RunParameters_AreUsed()
    {
        var settings = From(new()
        {
            ["DurationScale"] = "0.1", ["TargetUrl"] = "http://127.0.0.1:5000/", ["BudgetOverlay"] = "pr", ["BudgetsFolder"] = "budgets",
        });

        Assert.That(settings.DurationScale, Is.EqualTo(0.1));
        Assert.That(settings.TargetUrl, Is.EqualTo(new Uri("http://127.0.0.1:5000/")));
        Assert.That(settings.BudgetOverlay, Is.EqualTo("pr"));
        Assert.That(settings.BudgetsFolder, Is.EqualTo("budgets"));
    }

    [Test]
    public void FromSources_EmptyParameter_FallsBackToEnvironment()
    {
        var settings = From(new() { ["BudgetOverlay"] = "", ["DurationScale"] = "2" },
            new() { ["PERF_BUDGET_OVERLAY"] = "nightly", ["PERF_DURATION_SCALE"] = "5", ["PERF_TARGET_URL"] = "https://[::1]:8443" });

        Assert.That(settings.BudgetOverlay, Is.EqualTo("nightly"));
        Assert.That(settings.DurationScale, Is.EqualTo(2), "a run parameter wins over the environment");
        Assert.That(settings.TargetUrl!.Port, Is.EqualTo(8443));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("fast")]
    [TestCase("NaN")]
    public void FromSources_BadScale_ThrowsNamingTheSource(string scale)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => From([], new() { ["PERF_DURATION_SCALE"] = scale }));

        Assert.That(ex!.Message, Does.StartWith($"environment variable PERF_DURATION_SCALE is '{scale}'"));
    }

    [TestCase("localhost:5000")]
    [TestCase("ftp://127.0.0.1/")]
    public void FromSources_BadTargetUrl_Throws(string url)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => From(new() { ["TargetUrl"] = url }));

        Assert.That(ex!.Message, Does.Contain("absolute http(s) URL"));
    }

    [Test]
    public void FromSources_OverlayWithPathCharacters_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => From(new() { ["BudgetOverlay"] = "../etc" }));
    }

    [Test]
    public void Scale_Duration_IsMultiplied()
    {
        var settings = new PerfRunSettings(0.1, null, "pr", null);

        Assert.That(settings.Scale(TimeSpan.FromMinutes(5)), Is.EqualTo(TimeSpan.FromSeconds(30)));
    }
}
