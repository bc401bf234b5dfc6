using System.Globalization;
using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

/// <summary>
/// Every operator with the measured value exactly at the written limit, in every unit: a budget that
/// says "p(95) &lt;= 0.7s" must pass at 700 ms and "p(95) &lt; 0.7s" must fail there. Also one step either
/// side, so that turning &lt; into &lt;= (or the reverse) fails a test here.
/// </summary>
[TestFixture]
public sealed class OperatorBoundaryTests
{
    // (operator, holds below, holds at, holds above)
    private static readonly (string Op, bool Below, bool At, bool Above)[] Operators =
    [
        ("<", true, false, false), ("<=", true, true, false), (">", false, false, true), (">=", false, true, true),
        ("==", false, true, false), ("===", false, true, false), ("!=", true, false, true),
    ];

    private static IEnumerable<TestCaseData> LatencyCases()
    {
        // Limits whose decimal value is not a double: 0.7 s, 1.1 s, 0.3 ms, 2.675 s, 0.1 ms.
        foreach (var (text, us) in new[] { ("0.7s", 700_000L), ("1.1s", 1_100_000L), ("0.3ms", 300L), ("2.675s", 2_675_000L), ("100us", 100L), ("0.1ms", 100L), ("150ms", 150_000L) })
        {
            foreach (var op in Operators)
            {
                yield return new TestCaseData(op.Op, text, us, op.Below, op.At, op.Above).SetName($"latency {{m}}(avg {op.Op} {text})");
            }
        }
    }

    [TestCaseSource(nameof(LatencyCases))]
    public void Latency_AtAndAroundTheLimit(string op, string limit, long atUs, bool below, bool at, bool above)
    {
        Assert.That(Judge($"avg {op} {limit}", LatencyMs(atUs - 1)), Is.EqualTo(below), "one microsecond below");
        Assert.That(Judge($"avg {op} {limit}", LatencyMs(atUs)), Is.EqualTo(at), "exactly at the limit");
        Assert.That(Judge($"avg {op} {limit}", LatencyMs(atUs + 1)), Is.EqualTo(above), "one microsecond above");
    }

    private static IEnumerable<TestCaseData> RateCases()
    {
        // failures out of 1000 requests, written as a percentage or a fraction.
        foreach (var (text, failures) in new[] { ("0.3%", 3), ("0.7%", 7), ("1.1%", 11), ("0.003", 3), ("0.1", 100), ("29%", 290) })
        {
            foreach (var op in Operators.Where(o => o.Op is not (">" or ">=")))
            {
                yield return new TestCaseData(op.Op, text, failures, op.Below, op.At, op.Above).SetName($"rate {{m}}(rate {op.Op} {text})");
            }
        }
    }

    [TestCaseSource(nameof(RateCases))]
    public void ErrorRate_AtAndAroundTheLimit(string op, string limit, int failures, bool below, bool at, bool above)
    {
        Assert.That(Judge($"rate {op} {limit}", Failures(failures - 1)), Is.EqualTo(below), "one failure fewer");
        Assert.That(Judge($"rate {op} {limit}", Failures(failures)), Is.EqualTo(at), "exactly at the limit");
        Assert.That(Judge($"rate {op} {limit}", Failures(failures + 1)), Is.EqualTo(above), "one failure more");
    }

    [TestCase("<", true, false, false)]
    [TestCase("<=", true, true, false)]
    [TestCase(">", false, false, true)]
    [TestCase(">=", false, true, true)]
    [TestCase("==", false, true, false)]
    [TestCase("!=", true, false, true)]
    public void Count_AtAndAroundTheLimit(string op, bool below, bool at, bool above)
    {
        Assert.That(Judge($"requests {op} 1000", Requests(999)), Is.EqualTo(below));
        Assert.That(Judge($"requests {op} 1000", Requests(1000)), Is.EqualTo(at));
        Assert.That(Judge($"requests {op} 1000", Requests(1001)), Is.EqualTo(above));
    }

    [TestCase("0.7s", 700.0)]
    [TestCase("0.3%", 0.003)]
    public void Tiers_AreInclusiveAtEveryLimit(string limit, double atLimit)
    {
        var metric = limit.EndsWith('%') ? "rate" : "avg";
        var yaml = $"scenarios:\n  s:\n    tiers:\n      {metric}: {{ target: {limit}, warn: {limit}, fail: {limit} }}\n";
        var scope = metric == "rate" ? Failures(3) : new InMemoryScopeMeasurements([atLimit], 0, TimeSpan.FromSeconds(1));

        var verdict = BudgetEvaluator.Evaluate(BudgetLoader.Parse(yaml, "tiers.yaml"), new InMemoryMeasurements().Add("s", null, scope)).Conclusions.Single().Verdict;

        Assert.That(verdict, Is.EqualTo(BudgetVerdict.Pass));
    }

    /// <summary>Whether the threshold holds (pass) on the measurements.</summary>
    private static bool Judge(string threshold, IScopeMeasurements scope)
    {
        var budget = BudgetLoader.Parse($"scenarios:\n  s:\n    thresholds: [ \"{threshold}\" ]\n", "boundary.yaml");
        var conclusion = BudgetEvaluator.Evaluate(budget, new InMemoryMeasurements().Add("s", null, scope)).Conclusions.Single();
        Assert.That(conclusion.InsufficientData, Is.False, conclusion.Note);
        return conclusion.Verdict == BudgetVerdict.Pass;
    }

    /// <summary>One sample, converted from microseconds the way the engine's measurements convert it.</summary>
    private static InMemoryScopeMeasurements LatencyMs(long us) => new([us / 1000.0], 0, TimeSpan.FromSeconds(1));

    private static InMemoryScopeMeasurements Failures(int failures) => new(Enumerable.Repeat(1.0, 1000), failures, TimeSpan.FromSeconds(1));

    private static InMemoryScopeMeasurements Requests(int n) => new(Enumerable.Repeat(1.0, n), 0, TimeSpan.FromSeconds(1));

    [Test]
    public void UnitConversion_IsExactForEveryMillisecondOfTheFirstTenSeconds()
    {
        // Written in seconds with three decimals, read in ms: equal to the engine's µs / 1000 for each.
        for (var ms = 0; ms <= 10_000; ms++)
        {
            var seconds = (ms / 1000m).ToString(CultureInfo.InvariantCulture);
            var limit = BudgetLoader.Parse($"scenarios:\n  s:\n    thresholds: [ \"avg <= {seconds}s\" ]\n", "x.yaml").Scopes[0].Metrics[0].Fail!.Value;
            Assert.That(limit, Is.EqualTo(ms * 1000L / 1000.0), seconds);
        }
    }
}
