using PerfTests.Reporting.Model;

namespace Harness.Tests.Reporting;

[TestFixture]
internal sealed class AllureLifecycleTests
{
    private ReportingFixture _fx = null!;

    [SetUp]
    public void SetUp() => _fx = new ReportingFixture();

    [TearDown]
    public void TearDown() => _fx.Dispose();

    private static TestResult NewResult(string fullName = "Demo.Checkout.Buy") => new()
    {
        Uuid = Guid.NewGuid().ToString(),
        FullName = fullName,
        Name = "Buy",
        Labels = { new("suite", "Demo") },
    };

    [Test]
    public void StopTest_WithNestedStepsAttachmentAndParameters_MatchesExpectedResultFile()
    {
        var lifecycle = _fx.Lifecycle;
        lifecycle.StartTest("t1", "Demo.Checkout", NewResult());
        lifecycle.Parameter("users", "50", excluded: false, ParameterMode.Default);
        lifecycle.Parameter("seed", "1234", excluded: true, ParameterMode.Default);
        lifecycle.Step("warm up", () =>
        {
            _fx.Time.Advance(TimeSpan.FromMilliseconds(100));
            lifecycle.Step("open connections", () =>
            {
                lifecycle.Parameter("pool", "8", excluded: false, ParameterMode.Default, onStep: true);
                _fx.Time.Advance(TimeSpan.FromMilliseconds(20));
                return 0;
            });
            return 0;
        });
        lifecycle.Step("measure", () =>
        {
            lifecycle.Attach("latency.csv", "second,p99_ms\n1,12.5\n", "text/csv", "csv");
            _fx.Time.Advance(TimeSpan.FromSeconds(1));
            return 0;
        });
        lifecycle.Metric("checkout.p99", 12.5, "ms", "lower");
        _fx.Time.Advance(TimeSpan.FromMilliseconds(5));

        var ok = lifecycle.StopTest("t1", AllureStatus.Failed, new StatusDetails { Message = "Budget breach: p99 12.5 ms > 10 ms" });

        Assert.That(ok, Is.True, string.Join("\n", _fx.Logs));
        ReportingFixture.AssertMatchesExpected(_fx.ReadSingle("*-result.json"), "result.expected.json");
    }

    [Test]
    public void StopTest_AfterTwoTestsOfOneClass_ContainerListsBothChildren()
    {
        var first = NewResult("Demo.Checkout.Buy");
        var second = NewResult("Demo.Checkout.Browse");
        _fx.Lifecycle.StartTest("a", "Demo.Checkout", first);
        _fx.Lifecycle.StopTest("a", AllureStatus.Passed, null);
        _fx.Time.Advance(TimeSpan.FromSeconds(2));
        _fx.Lifecycle.StartTest("b", "Demo.Checkout", second);
        _fx.Time.Advance(TimeSpan.FromSeconds(1));
        _fx.Lifecycle.StopTest("b", AllureStatus.Passed, null);

        var container = _fx.ReadSingle("*-container.json");
        Assert.That(container, Does.Contain(first.Uuid).And.Contain(second.Uuid));
        ReportingFixture.AssertMatchesExpected(container, "container.expected.json");
    }

    [Test]
    public void Step_BodyThrowsAssertion_StepFailedAndExceptionPropagates()
    {
        _fx.Lifecycle.StartTest("t", "C", NewResult());
        var result = _fx.Lifecycle.Current!.Result;

        Assert.Throws<AssertionException>(() => _fx.Lifecycle.Step<int>("check budget", () => throw new AssertionException("p99 too high")));
        Assert.Throws<InvalidOperationException>(() => _fx.Lifecycle.Step<int>("call api", () => throw new InvalidOperationException("boom")));

        Assert.Multiple(() =>
        {
            Assert.That(result.Steps[0].Status, Is.EqualTo(AllureStatus.Failed));
            Assert.That(result.Steps[1].Status, Is.EqualTo(AllureStatus.Broken));
            Assert.That(result.Steps[1].StatusDetails!.Message, Is.EqualTo("InvalidOperationException: boom"));
            Assert.That(result.Steps[0].StatusDetails!.Trace, Does.Contain(nameof(Step_BodyThrowsAssertion_StepFailedAndExceptionPropagates))
                .And.Not.Contains("at NUnit.Framework.").And.Not.Contains("at PerfTests.Reporting.Context."));
        });
    }

    [Test]
    public async Task StepAsync_NestedAndParallel_EachChildUnderItsOwnParent()
    {
        _fx.Lifecycle.StartTest("t", "C", NewResult());
        var result = _fx.Lifecycle.Current!.Result;

        await _fx.Lifecycle.StepAsync("outer", async () =>
        {
            await Task.WhenAll(
                _fx.Lifecycle.StepAsync("left", async () => { await Task.Yield(); return 1; }),
                _fx.Lifecycle.StepAsync("right", async () => { await Task.Yield(); return 2; }));
            return 0;
        });
        await _fx.Lifecycle.StepAsync("after", () => Task.FromResult(0));

        Assert.Multiple(() =>
        {
            Assert.That(string.Join(";", result.Steps.Select(s => s.Name)), Is.EqualTo("outer;after"));
            Assert.That(string.Join(";", result.Steps[0].Steps.Select(s => s.Name).Order(StringComparer.Ordinal)), Is.EqualTo("left;right"));
            Assert.That(result.Steps[0].Steps.SelectMany(s => s.Steps), Is.Empty);
        });
    }

    [Test]
    public async Task Current_TwoTestsOnParallelFlows_DoNotSeeEachOther()
    {
        var lifecycle = _fx.Lifecycle;
        async Task RunTest(string key)
        {
            lifecycle.StartTest(key, "C", NewResult("Demo." + key));
            await Task.Yield();
            lifecycle.Parameter("who", key, excluded: false, ParameterMode.Default);
            await lifecycle.StepAsync("step of " + key, () => Task.FromResult(0));
            lifecycle.StopTest(key, AllureStatus.Passed, null);
        }

        await Task.WhenAll(Task.Run(() => RunTest("a")), Task.Run(() => RunTest("b")));

        var results = _fx.Files("*-result.json").Select(File.ReadAllText).ToArray();
        Assert.That(results, Has.Length.EqualTo(2));
        Assert.That(results, Has.One.Contains("\"Demo.a\"").And.Contains("step of a").And.Not.Contains("step of b"));
        Assert.That(results, Has.One.Contains("\"Demo.b\"").And.Contains("step of b").And.Not.Contains("step of a"));
    }

    [Test]
    public void Attach_InsideTest_WritesFileAndLinksIt()
    {
        _fx.Lifecycle.StartTest("t", "C", NewResult());
        var ok = _fx.Lifecycle.Attach("chart", "<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml", ".svg");
        var link = _fx.Lifecycle.Current!.Result.Attachments.Single();

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(link.Source, Does.EndWith("-attachment.svg"));
            Assert.That(link.Type, Is.EqualTo("image/svg+xml"));
            Assert.That(File.ReadAllText(Path.Combine(_fx.Directory, link.Source)), Does.StartWith("<svg"));
        });
    }

    [Test]
    public void Attach_NoTestRunning_DroppedAndLogged()
    {
        var ok = _fx.Lifecycle.Attach("orphan", "x", "text/plain", "txt");

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(_fx.Files("*-attachment*"), Is.Empty);
            Assert.That(_fx.Logs, Has.One.Contains("orphan"));
        });
    }

    [Test]
    public void Metric_RecordedValues_WrittenAsPerfJsonWithAllure3Fields()
    {
        _fx.Lifecycle.StartTest("t", "C", NewResult());
        _fx.Time.Advance(TimeSpan.FromSeconds(3));
        _fx.Lifecycle.Metric("checkout.rps", 480, "req/s", "higher");
        Assert.That(_fx.Lifecycle.Metric("bad", double.NaN, null, null), Is.False);
        _fx.Lifecycle.StopTest("t", AllureStatus.Passed, null);

        ReportingFixture.AssertMatchesExpected(_fx.ReadSingle("*-perf.json"), "perf.expected.json");
    }
}
