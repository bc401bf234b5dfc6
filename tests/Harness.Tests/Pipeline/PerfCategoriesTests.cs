using System.Reflection;
using PerfTests;

namespace Harness.Tests.Pipeline;

[TestFixture]
public sealed class PerfCategoriesTests
{
    [Test]
    public void Constants_EachValue_EqualsItsNameSoFiltersReadNaturally()
    {
        var fields = typeof(PerfCategories).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();

        Assert.That(fields.Select(f => f.Name), Is.EquivalentTo(Expected));
        Assert.That(fields.Select(f => (string)f.GetRawConstantValue()!), Is.EquivalentTo(Expected));
    }

    private static readonly string[] Expected = ["Load", "Stress", "Spike", "Endurance", "Degradation", "WebVitals", "Failover", "AB", "Integration"];
}
