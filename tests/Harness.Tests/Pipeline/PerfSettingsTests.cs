using System.Globalization;
using PerfTests;

namespace Harness.Tests.Pipeline;

/// <summary>One reader for every setting: run parameter first, then environment variable; all problems at once.</summary>
[TestFixture]
public sealed class PerfSettingsTests
{
    private static readonly string[] ExpectedHosts = ["staging.internal", "10.0.0.5", "[::1]"];

    private static PerfSettings From(Dictionary<string, string> parameters, Dictionary<string, string>? environment = null) =>
        PerfSettings.Read(parameters.GetValueOrDefault, n => environment?.GetValueOrDefault(n));

    private static PerfSettingsException Problem(Dictionary<string, string> parameters, Dictionary<string, string>? environment = null) =>
        Assert.Throws<PerfSettingsException>(() => From(parameters, environment))!;

    [Test]
    public void Read_Nothing_GivesTheDocumentedDefaults()
    {
        var settings = From([]);

        Assert.Multiple(() =>
        {
            Assert.That(settings.DurationScale, Is.EqualTo(1));
            Assert.That(settings.TargetUrl, Is.Null);
            Assert.That(settings.AllowedHosts, Is.Empty);
            Assert.That(settings.ReadinessPath, Is.EqualTo("/"));
            Assert.That(settings.ReadinessTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(settings.BudgetOverlay, Is.EqualTo("local"));
            Assert.That(settings.BaselineInterval, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(settings.BaselineGate, Is.EqualTo(BaselineGateMode.Fail));
            Assert.That(settings.BaselineFolder ?? settings.SummaryFolder ?? settings.SummaryFile ?? settings.BudgetsFolder, Is.Null);
            Assert.That(settings.CandidateSettings, Is.Empty);
        });
    }

    [Test]
    public void Read_RunParameterWinsAndAnEmptyOneFallsThroughToTheEnvironment()
    {
        var settings = From(
            new() { ["DurationScale"] = "0.1", ["BudgetOverlay"] = "", ["BaselineDir"] = "baseline" },
            new() { ["PERF_DURATION_SCALE"] = "5", ["PERF_BUDGET_OVERLAY"] = "nightly", ["PERF_TARGET_URL"] = "https://[::1]:8443", ["PERF_SUMMARY_DIR"] = "out" });

        Assert.Multiple(() =>
        {
            Assert.That(settings.DurationScale, Is.EqualTo(0.1), "a run parameter wins over the environment");
            Assert.That(settings.BudgetOverlay, Is.EqualTo("nightly"), "an empty run parameter falls through");
            Assert.That(settings.TargetUrl!.Port, Is.EqualTo(8443));
            Assert.That(settings.BaselineFolder, Is.EqualTo("baseline"));
            Assert.That(settings.SummaryFolder, Is.EqualTo("out"));
        });
    }

    [Test]
    public void Read_SeveralBadValues_EveryProblemIsListedWithItsSource()
    {
        var error = Problem(
            new() { ["DurationScale"] = "fast", ["TargetUrl"] = "localhost:5000" },
            new() { ["PERF_BASELINE_INTERVAL"] = "1.5", ["PERF_BASELINE_GATE"] = "warn", ["PERF_BUDGET_OVERLAY"] = "../x" });

        Assert.That(error.Problems, Has.Count.EqualTo(5));
        Assert.That(error.Message, Does.Contain("run parameter 'DurationScale' is 'fast'; it must be a number > 0")
            .And.Contain("run parameter 'TargetUrl' is 'localhost:5000'; it must be an absolute http(s) URL")
            .And.Contain("environment variable PERF_BASELINE_INTERVAL is '1.5'; it must be whole seconds")
            .And.Contain("environment variable PERF_BASELINE_GATE is 'warn'; it must be 'fail'")
            .And.Contain("environment variable PERF_BUDGET_OVERLAY is '../x'"));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    public void Read_ScaleNotAPositiveNumber_Refused(string scale) =>
        Assert.That(Problem([], new() { ["PERF_DURATION_SCALE"] = scale }).Message, Does.Contain($"PERF_DURATION_SCALE is '{scale}'"));

    [TestCase("ftp://127.0.0.1/")]
    [TestCase("/relative")]
    [TestCase("http://")]
    public void Read_TargetUrlNotAbsoluteHttp_Refused(string url) =>
        Assert.That(Problem(new() { ["TargetUrl"] = url }).Message, Does.Contain("TargetUrl"));

    [TestCase("0")]
    [TestCase("1.5")]
    [TestCase("25%")]
    [TestCase("NaN")]
    public void Read_BusyMachineCpuNotAFractionOfTheCores_Refused(string value) =>
        Assert.That(Problem([], new() { ["PERF_BUSY_MACHINE_CPU"] = value }).Message, Does.Contain($"PERF_BUSY_MACHINE_CPU is '{value}'; it must be a fraction of all cores"));

    [TestCase("4")]
    [TestCase("-1")]
    [TestCase("once")]
    public void Read_InconclusiveRerunsOutOfRange_Refused(string value) =>
        Assert.That(Problem(new() { ["InconclusiveReruns"] = value }).Message, Does.Contain($"'InconclusiveReruns' is '{value}'; it must be a whole number from 0 to 3"));

    [Test]
    public void Read_BusyMachineSettings_DefaultsAndValues()
    {
        var defaults = From([]);
        var set = From(new() { ["BusyMachineCpu"] = "0.5", ["InconclusiveReruns"] = "0" });

        Assert.That((defaults.BusyMachineCpu, defaults.InconclusiveReruns, set.BusyMachineCpu, set.InconclusiveReruns), Is.EqualTo((0.25, 1, 0.5, 0)));
    }

    [Test]
    public void Read_Shard_FromAMatrixOrAnIndexedJob()
    {
        Assert.Multiple(() =>
        {
            Assert.That(From([]).Shard, Is.EqualTo(Shard.Whole));
            Assert.That(From([], new() { ["PERF_SHARD"] = "2/8" }).Shard, Is.EqualTo(Shard.Of(1, 8)));
            Assert.That(From([], new() { ["PERF_SHARD_COUNT"] = "4", ["JOB_COMPLETION_INDEX"] = "3" }).Shard, Is.EqualTo(Shard.Of(3, 4)), "an Indexed Job's index is 0-based");
            Assert.That(From([], new() { ["JOB_COMPLETION_INDEX"] = "3" }).Shard, Is.EqualTo(Shard.Whole), "a pod of some Indexed Job is not a shard unless the count is set");
            Assert.That(From(new() { ["Shard"] = "4/4" }, new() { ["PERF_SHARD_COUNT"] = "4", ["JOB_COMPLETION_INDEX"] = "3" }).Shard, Is.EqualTo(Shard.Of(3, 4)), "both set and agreeing");
        });
    }

    [TestCase("PERF_SHARD", "9/8", "environment variable PERF_SHARD is '9/8'; it must be number/count")]
    [TestCase("PERF_SHARD", "0/8", "it must be number/count, 1 <= number <= count <= 1024")]
    [TestCase("PERF_SHARD_COUNT", "0", "environment variable PERF_SHARD_COUNT is '0'; it must be a whole number of shards")]
    public void Read_ShardMalformed_RefusedNamingTheVariable(string variable, string value, string expected) =>
        Assert.That(Problem([], new() { [variable] = value }).Message, Does.Contain(expected));

    [Test]
    public void Read_ShardCountWithoutOrOutsideTheJobIndex_RefusedNamingBoth()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Problem([], new() { ["PERF_SHARD_COUNT"] = "4" }).Message, Does.Contain("JOB_COMPLETION_INDEX, which is ''; it must be a whole number from 0 to 3"));
            Assert.That(Problem([], new() { ["PERF_SHARD_COUNT"] = "4", ["JOB_COMPLETION_INDEX"] = "4" }).Message, Does.Contain("which is '4'"));
            Assert.That(Problem([], new() { ["PERF_SHARD"] = "1/4", ["PERF_SHARD_COUNT"] = "4", ["JOB_COMPLETION_INDEX"] = "2" }).Message, Does.Contain("make shard 3/4; set one of them"));
        });
    }

    [TestCase("2026-12-07T06:00:00Z", "2026-12-07T06:00:00Z")]
    [TestCase("2026-12-07T06:00Z", "2026-12-07T06:00:00Z")]
    [TestCase("2026-12-07T06:00:00.250Z", "2026-12-07T06:00:00.25Z")]
    [TestCase("2026-12-07T07:00:00+01:00", "2026-12-07T06:00:00Z")]
    public void Read_ShardStartAt_IsTheInstantInUtc(string value, string expected) =>
        Assert.That(From([], new() { ["PERF_SHARD_START_AT"] = value }).ShardStartAt, Is.EqualTo(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture)).And.Property("Offset").EqualTo(TimeSpan.Zero));

    [TestCase("2026-12-07T06:00:00", Description = "no offset: another instant on each runner's time zone")]
    [TestCase("tomorrow")]
    [TestCase("2026-13-07T06:00:00Z")]
    [TestCase("1733551200")]
    public void Read_ShardStartAtWithoutOffsetOrMalformed_Refused(string value) =>
        Assert.That(Problem(new() { ["ShardStartAt"] = value }).Message,
            Does.Contain($"run parameter 'ShardStartAt' is '{value}'; it must be an ISO 8601 instant with its offset"));

    [TestCase("report", BaselineGateMode.Report)]
    [TestCase("Report", BaselineGateMode.Report)]
    [TestCase("fail", BaselineGateMode.Fail)]
    public void Read_BaselineGate_IsTheMode(string value, BaselineGateMode mode) =>
        Assert.That(From(new() { ["BaselineGate"] = value }).BaselineGate, Is.EqualTo(mode));

    [Test]
    public void Read_AllowedHosts_SplitOnCommasAndChecked()
    {
        Assert.That(From(new() { ["AllowedHosts"] = "staging.internal, 10.0.0.5;[::1]" }).AllowedHosts, Is.EqualTo(ExpectedHosts));
        Assert.That(Problem(new() { ["AllowedHosts"] = "ok.host,bad host!" }).Message, Does.Contain("'host!' is not a host name"));
    }

    [TestCase("health", false)]
    [TestCase("//evil.example/", false)]
    [TestCase("/health", true)]
    public void Read_ReadinessPath_MustBeAPathOnTheTarget(string path, bool valid)
    {
        if (valid)
        {
            Assert.That(From(new() { ["ReadinessPath"] = path }).ReadinessPath, Is.EqualTo(path));
        }
        else
        {
            Assert.That(Problem(new() { ["ReadinessPath"] = path }).Message, Does.Contain("ReadinessPath"));
        }
    }

    [Test]
    public void Read_CandidateSettings_PairsParsedAndMistakesNamedWithoutEchoingTheWholeValue()
    {
        Assert.That(From([], new() { ["PERF_CANDIDATE_SETTINGS"] = " A=1; B = two ;C=;" }).CandidateSettings,
            Is.EquivalentTo(new Dictionary<string, string?> { ["A"] = "1", ["B"] = "two", ["C"] = "" }));

        var error = Problem([], new() { ["PERF_CANDIDATE_SETTINGS"] = "A=1;oops;A=2" });
        Assert.That(error.Problems, Has.Count.EqualTo(2));
        Assert.That(error.Message, Does.Contain("'oops' is not Key=Value").And.Contain("key 'A' is set twice"));
    }

    [Test]
    public void Read_BaselineApp_ExistingDllBecomesAFullPathOthersRefused()
    {
        var dll = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(dll, []);
        try
        {
            Assert.That(From([], new() { ["PERF_BASELINE_APP"] = dll }).BaselineApp, Is.EqualTo(Path.GetFullPath(dll)));
            Assert.That(Problem([], new() { ["PERF_BASELINE_APP"] = "missing/App.dll" }).Message, Does.Contain("PERF_BASELINE_APP").And.Contain(".dll"));
        }
        finally
        {
            File.Delete(dll);
        }
    }

    [Test]
    public void CustomDuration_ReadFromTheSameSourcesAndChecked()
    {
        var settings = From(new() { ["EnduranceHold"] = "00:01:30" }, new() { ["PERF_SOAK"] = "soon" });

        Assert.That(settings.CustomDuration("EnduranceHold", "PERF_ENDURANCE_HOLD"), Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(settings.CustomDuration("Missing", "PERF_MISSING"), Is.Null);
        Assert.That(() => settings.CustomDuration("Soak", "PERF_SOAK"), Throws.TypeOf<PerfSettingsException>().With.Message.Contains("PERF_SOAK is 'soon'"));
    }

    [Test]
    public void Scale_MultipliesByTheDurationScale() =>
        Assert.That(From(new() { ["DurationScale"] = "0.1" }).Scale(TimeSpan.FromMinutes(5)), Is.EqualTo(TimeSpan.FromSeconds(30)));
}
