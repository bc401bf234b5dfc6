using PerfTests;

namespace Harness.Tests.Pipeline;

[TestFixture]
public sealed class SideBySideRunSettingsTests
{
    private static SideBySideRunSettings From(Dictionary<string, string> environment) =>
        SideBySideRunSettings.FromEnvironment(n => environment.GetValueOrDefault(n));

    [Test]
    public void FromEnvironment_Nothing_NoOverridesAndNoExternalBaseline()
    {
        var settings = From([]);

        Assert.That(settings.CandidateSettings, Is.Empty);
        Assert.That(settings.BaselineTargetUrl, Is.Null);
    }

    [Test]
    public void FromEnvironment_SeveralPairs_ParsedTrimmedWithEmptyValuesAndTrailingSeparator()
    {
        var settings = From(new()
        {
            ["PERF_CANDIDATE_SETTINGS"] = " SampleSystem:ExtraLatencyUs=900 ; SampleSystem:CacheKeyPrefix= ;Logging:LogLevel:Default=Error;",
            ["PERF_BASELINE_TARGET_URL"] = "http://127.0.0.1:5080",
        });

        Assert.That(settings.CandidateSettings, Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["SampleSystem:ExtraLatencyUs"] = "900",
            ["SampleSystem:CacheKeyPrefix"] = "",
            ["Logging:LogLevel:Default"] = "Error",
        }));
        Assert.That(settings.BaselineTargetUrl, Is.EqualTo(new Uri("http://127.0.0.1:5080")));
    }

    [TestCase("SampleSystem:ExtraLatencyUs")]
    [TestCase("=900")]
    [TestCase("SampleSystem:ExtraLatencyUs=900;SampleSystem:SlowQuery")]
    public void FromEnvironment_NotKeyValue_ThrowsNamingTheVariableAndThePart(string text)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(new() { ["PERF_CANDIDATE_SETTINGS"] = text }));

        Assert.That(error!.Message, Does.StartWith("Environment variable PERF_CANDIDATE_SETTINGS").And.Contain("is not Key=Value"));
    }

    [Test]
    public void FromEnvironment_KeyTwice_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            From(new() { ["PERF_CANDIDATE_SETTINGS"] = "SampleSystem:ExtraLatencyUs=900;sampleSystem:extraLatencyUs=100" }));

        Assert.That(error!.Message, Does.Contain("PERF_CANDIDATE_SETTINGS").And.Contain("set twice"));
    }

    [TestCase("127.0.0.1:5080")]
    [TestCase("ftp://127.0.0.1/")]
    public void FromEnvironment_BadBaselineUrl_ThrowsNamingTheVariable(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(new() { ["PERF_BASELINE_TARGET_URL"] = url }));

        Assert.That(error!.Message, Does.Contain("PERF_BASELINE_TARGET_URL").And.Contain(url));
    }

    [Test]
    public void FromEnvironment_BaselineAppThatExists_FullPath()
    {
        var dll = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(dll, []);
        try
        {
            Assert.That(From(new() { ["PERF_BASELINE_APP"] = dll }).BaselineApp, Is.EqualTo(Path.GetFullPath(dll)));
        }
        finally
        {
            File.Delete(dll);
        }
    }

    [TestCase("missing-folder/PerfTests.SampleSystem.dll")]
    [TestCase("PerfTests.SampleSystem.exe")]
    public void FromEnvironment_BaselineAppMissingOrNotDll_ThrowsNamingTheVariable(string app)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(new() { ["PERF_BASELINE_APP"] = app }));

        Assert.That(error!.Message, Does.Contain("PERF_BASELINE_APP").And.Contain(app).And.Contain(".dll"));
    }
}
