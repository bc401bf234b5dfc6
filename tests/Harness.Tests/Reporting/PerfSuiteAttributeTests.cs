using NUnit.Framework.Internal;
using PerfTests;
using PerfTests.Reporting.NUnit;

namespace Harness.Tests.Reporting;

/// <summary>[PerfSuite] is the whole fixture header: the category filters select by, and the Allure epic and feature.</summary>
[PerfSuite(PerfCategories.Spike, Feature = "Bursts")]
internal sealed class PerfSuiteAttributeTests
{
    private static readonly string[] Spike = ["Spike"];
    private static readonly string[] Performance = ["Performance"];
    private static readonly string[] Bursts = ["Bursts"];

    [Test]
    public void PerfSuite_OnThisFixture_SelectableByCategoryAndLabelledForAllure()
    {
        var test = TestExecutionContext.CurrentContext.CurrentTest;

        var labels = NUnitTestMapper.Map(test).Labels.ToLookup(l => l.Name, l => l.Value);

        Assert.Multiple(() =>
        {
            Assert.That(test.Parent!.Properties[PropertyNames.Category], Is.EqualTo(Spike), "dotnet test --filter Category=Spike selects it");
            Assert.That(labels["tag"], Is.EqualTo(Spike));
            Assert.That(labels["epic"], Is.EqualTo(Performance));
            Assert.That(labels["feature"], Is.EqualTo(Bursts));
        });
    }
}
