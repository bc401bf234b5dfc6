using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

/// <summary>
/// k6's own threshold test cases (metrics/thresholds_parser_test.go and thresholds_test.go), each
/// written in our form (units where ours needs them) with what k6 does. A case without a reason must
/// behave as in k6; a case with one must not (when it starts to, the reason is stale). README's
/// "k6 -> here" table quotes the counts, and a test keeps it honest.
/// </summary>
[TestFixture]
public sealed class K6ParityTests
{
    private const string NoSamples = "not enough data: a value of no samples is never judged (k6 judges it as 0)";
    private const string ErrorRateOnly = "'rate' here is the share of failed requests only; a lower bound on it is refused with a hint (k6's rate of a Rate metric can be a success ratio, of a counter per second)";

    public enum Outcome
    {
        Valid,
        Invalid,
        Pass,
        Fail,
    }

    public sealed record K6Case(string K6Source, string Ours, Outcome K6, Func<IScopeMeasurements>? Measured = null, string? Differs = null)
    {
        public override string ToString() => $"{K6Source} -> {Ours}";
    }

    private static InMemoryScopeMeasurements Rate(long failures, long requests) =>
        new InMemoryScopeMeasurements(Enumerable.Repeat(5.0, (int)requests), failures, TimeSpan.FromSeconds(10));

    private static InMemoryScopeMeasurements Requests(int count) => Rate(0, count);

    private static InMemoryScopeMeasurements Trend(params double[] latencies) => new InMemoryScopeMeasurements(latencies, 0, TimeSpan.FromSeconds(10));

    internal static IEnumerable<K6Case> Cases()
    {
        // parseThresholdExpression
        yield return new("count!20", "[ \"count!20\" ]", Outcome.Invalid);
        yield return new("foo>20", "[ \"foo>20\" ]", Outcome.Invalid);
        yield return new("count>abc", "[ \"count>abc\" ]", Outcome.Invalid);
        yield return new("count>20", "[ \"count>20\" ]", Outcome.Valid);

        // parseThresholdAggregationMethod (each in an expression)
        yield return new("count", "[ \"count < 10\" ]", Outcome.Valid);
        yield return new("rate", "[ \"rate < 0.1\" ]", Outcome.Valid);
        yield return new("value", "[ \"value < 10\" ]", Outcome.Valid, Differs: "no gauges: a figure the run reports is metric(name); the error says so");
        yield return new("avg", "[ \"avg < 10ms\" ]", Outcome.Valid);
        yield return new("min", "[ \"min < 10ms\" ]", Outcome.Valid);
        yield return new("max", "[ \"max < 10ms\" ]", Outcome.Valid);
        yield return new("med", "[ \"med < 10ms\" ]", Outcome.Valid);
        yield return new("p(99)", "[ \"p(99) < 10ms\" ]", Outcome.Valid);
        yield return new("p(99.9)", "[ \"p(99.9) < 10ms\" ]", Outcome.Valid);
        yield return new("p(0)", "[ \"p(0) < 10ms\" ]", Outcome.Valid);
        yield return new("p(100)", "[ \"p(100) < 10ms\" ]", Outcome.Valid);
        yield return new("foo", "[ \"foo < 10\" ]", Outcome.Invalid);
        yield return new("p()", "[ \"p() < 10ms\" ]", Outcome.Invalid);
        yield return new("p(99", "[ \"p(99 < 10ms\" ]", Outcome.Invalid);
        yield return new("p(foo)", "[ \"p(foo) < 10ms\" ]", Outcome.Invalid);
        yield return new("p(-1)", "[ \"p(-1) < 10ms\" ]", Outcome.Invalid);
        yield return new("p(101)", "[ \"p(101) < 10ms\" ]", Outcome.Invalid);
        yield return new("p(NaN)", "[ \"p(NaN) < 10ms\" ]", Outcome.Invalid);
        yield return new("p(+Inf)", "[ \"p(+Inf) < 10ms\" ]", Outcome.Invalid);

        // scanThresholdExpression
        yield return new("foo<=bar", "[ \"p(95)<=200ms\" ]", Outcome.Valid);
        yield return new("foo<bar", "[ \"p(95)<200ms\" ]", Outcome.Valid);
        yield return new("foo>=bar", "[ \"rps>=200\" ]", Outcome.Valid);
        yield return new("foo>bar", "[ \"rps>200\" ]", Outcome.Valid);
        yield return new("foo===bar", "[ \"dropped===0\" ]", Outcome.Valid);
        yield return new("foo==bar", "[ \"dropped==0\" ]", Outcome.Valid);
        yield return new("foo!=bar", "[ \"failures!=3\" ]", Outcome.Valid);
        yield return new("  foo  <=bar", "[ \"  p(95)  <=200ms\" ]", Outcome.Valid);
        yield return new("foo<=  bar  ", "[ \"p(95)<=  200ms  \" ]", Outcome.Valid);
        yield return new("foo!bar", "[ \"p(95)!200ms\" ]", Outcome.Invalid);

        // Threshold.runNoTaint: each operator against a value (rate 0.01 = 1 of 100 requests failed)
        yield return new("rate>0.01 at 1", "[ \"rate>0.01\" ]", Outcome.Pass, () => Rate(100, 100), ErrorRateOnly);
        yield return new("rate>0.01 at 1, grace 2s", "[ { threshold: \"rate>0.01\", abort_on_fail: true, delay_abort_eval: 2s } ]", Outcome.Pass, () => Rate(100, 100), ErrorRateOnly);
        yield return new("rate>=0.01 at 0.01", "[ \"rate>=0.01\" ]", Outcome.Pass, () => Rate(1, 100), ErrorRateOnly);
        yield return new("rate<=0.01 at 0.01", "[ \"rate<=0.01\" ]", Outcome.Pass, () => Rate(1, 100));
        yield return new("rate<0.01 at 0.00001", "[ \"rate<0.01\" ]", Outcome.Pass, () => Rate(1, 100_000));
        yield return new("rate==0.01 at 0.01", "[ \"rate==0.01\" ]", Outcome.Pass, () => Rate(1, 100));
        yield return new("rate===0.01 at 0.01", "[ \"rate===0.01\" ]", Outcome.Pass, () => Rate(1, 100));
        yield return new("rate!=0.01 at 0.02", "[ \"rate!=0.01\" ]", Outcome.Pass, () => Rate(2, 100));
        yield return new("rate>0.01 at 0.00001", "[ \"rate>0.01\" ]", Outcome.Fail, () => Rate(1, 100_000), ErrorRateOnly);
        yield return new("rate>0.01, no such sink", "[ \"rate>0.01\" ]", Outcome.Pass, () => Trend(), ErrorRateOnly);
        yield return new("rate&0.01 (bad operator)", "[ \"rate&0.01\" ]", Outcome.Invalid);

        // The same operators at their boundary, and just past it, on latency (boundaries are exact here and in k6)
        yield return new("p(50)<80 at 80", "[ \"p(50)<80ms\" ]", Outcome.Fail, () => Trend(70, 80, 90));
        yield return new("p(50)<=80 at 80", "[ \"p(50)<=80ms\" ]", Outcome.Pass, () => Trend(70, 80, 90));
        yield return new("p(50)>80 at 80", "[ \"p(50)>80ms\" ]", Outcome.Fail, () => Trend(70, 80, 90));
        yield return new("p(50)>=80 at 80", "[ \"p(50)>=80ms\" ]", Outcome.Pass, () => Trend(70, 80, 90));
        yield return new("p(50)==80 at 80", "[ \"p(50)==80ms\" ]", Outcome.Pass, () => Trend(70, 80, 90));
        yield return new("p(50)!=80 at 80", "[ \"p(50)!=80ms\" ]", Outcome.Fail, () => Trend(70, 80, 90));
        yield return new("min<70 at 70", "[ \"min<70ms\" ]", Outcome.Fail, () => Trend(70, 80, 90));
        yield return new("max<=90 at 90", "[ \"max<=90ms\" ]", Outcome.Pass, () => Trend(70, 80, 90));

        // Thresholds.Run
        yield return new("count<2000 at 1234", "[ \"count<2000\" ]", Outcome.Pass, () => Requests(1234));
        yield return new("count<2000 at 3000", "[ \"count<2000\" ]", Outcome.Fail, () => Requests(3000));
        yield return new("p(95)<2000 on an empty sink", "[ \"p(95)<2000ms\" ]", Outcome.Pass, () => Trend(), NoSamples);
        yield return new("rate<100 on a counter", "[ \"rate<100\" ]", Outcome.Pass, () => Requests(1234), "k6's rate of a counter is per second; here rate is a ratio, and 100 is refused with a hint to write rps");
        yield return new("med<39 on an empty trend", "[ \"med<39ms\" ]", Outcome.Pass, () => Trend(), NoSamples);
        yield return new("med>39 on an empty trend", "[ \"med>39ms\" ]", Outcome.Fail, () => Trend());
        yield return new("med>39 on 70, 80, 90", "[ \"med>39ms\" ]", Outcome.Pass, () => Trend(70, 80, 90));
        yield return new("med<39 on 70, 80, 90", "[ \"med<39ms\" ]", Outcome.Fail, () => Trend(70, 80, 90));

        // Thresholds JSON forms
        yield return new("[]", "[]", Outcome.Valid, Differs: "a scope with nothing to judge is an error, not a pass");
        yield return new("[\"rate<0.01\"]", "[ \"rate<0.01\" ]", Outcome.Valid);
        yield return new("[\"rate<0.01\",\"p(95)<200\"]", "[ \"rate<0.01\", \"p(95)<200ms\" ]", Outcome.Valid);
        yield return new("[{\"threshold\":\"rate<0.01\"}]", "[ { threshold: \"rate<0.01\" } ]", Outcome.Valid);
        yield return new("abortOnFail, delayAbortEval null", "[ { threshold: \"rate<0.01\", abort_on_fail: true } ]", Outcome.Valid);
        yield return new("abortOnFail, delayAbortEval 2s", "[ { threshold: \"rate<0.01\", abort_on_fail: true, delay_abort_eval: 2s } ]", Outcome.Valid);
        yield return new("abortOnFail false", "[ { threshold: \"rate<0.01\", abort_on_fail: false } ]", Outcome.Valid);
        yield return new("object and string mixed", "[ { threshold: \"rate<0.01\" }, \"p(95)<200ms\" ]", Outcome.Valid);
        yield return new("42 (not a list)", "42", Outcome.Invalid);
    }

    private static Outcome Ours(K6Case test)
    {
        Budget budget;
        try
        {
            budget = BudgetLoader.Parse($"scenarios:\n  s:\n    thresholds: {test.Ours}\n", "k6.yaml");
        }
        catch (BudgetValidationException)
        {
            return Outcome.Invalid;
        }

        if (test.Measured is null)
        {
            return Outcome.Valid;
        }

        var report = BudgetEvaluator.Evaluate(budget, new InMemoryMeasurements().Add("s", null, test.Measured()));
        return report.Failed ? Outcome.Fail : Outcome.Pass;
    }

    [TestCaseSource(nameof(Cases))]
    public void Case_BehavesAsInK6_OrDiffersForItsStatedReason(K6Case test)
    {
        var ours = Ours(test);

        if (test.Differs is null)
        {
            Assert.That(ours, Is.EqualTo(test.K6), $"k6: {test.K6}");
        }
        else
        {
            Assert.That(ours, Is.Not.EqualTo(test.K6), $"now behaves as k6 ({test.K6}): remove the reason '{test.Differs}'");
        }
    }

    [Test]
    public void ReadmeTable_QuotesTheCounts()
    {
        var cases = Cases().ToList();
        var same = cases.Count(c => c.Differs is null);

        Assert.That(RepositoryFiles.Read("budgets/README.md"), Does.Contain($"{same} of {cases.Count} of k6's own threshold test cases behave as in k6"));
    }
}
