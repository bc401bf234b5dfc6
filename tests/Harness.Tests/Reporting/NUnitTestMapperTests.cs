using PerfTests;
using NUnit.Framework.Internal;
using PerfTests.Reporting.NUnit;

namespace Harness.Tests.Reporting;

[TestFixture]
[Category("Reporting")]
[Epic("Harness")]
internal sealed class NUnitTestMapperTests
{
    [TestCase(50, "checkout")]
    [Feature("Allure")]
    [Story("Mapping")]
    [Severity("critical")]
    public void Map_CurrentParameterizedTest_NamesLabelsAndParametersLikeAllureCsharp(int users, string scenario)
    {
        // The real NUnit test object of this very test: what the attribute sees at run time.
        var test = TestExecutionContext.CurrentContext.CurrentTest;

        var result = NUnitTestMapper.Map(test);
        var labels = result.Labels.ToLookup(l => l.Name, l => l.Value);

        Assert.Multiple(() =>
        {
            Assert.That(result.Name, Is.EqualTo(nameof(Map_CurrentParameterizedTest_NamesLabelsAndParametersLikeAllureCsharp)));
            Assert.That(result.FullName, Is.EqualTo($"{typeof(NUnitTestMapperTests).FullName}.{result.Name}"));
            Assert.That(string.Join(";", result.Parameters.Select(p => $"{p.Name}={p.Value}")), Is.EqualTo($"users={users};scenario={scenario}"));
            Assert.That(Joined(labels, "parentSuite"), Is.EqualTo("Harness.Tests"));
            Assert.That(Joined(labels, "suite"), Is.EqualTo("Harness.Tests.Reporting"));
            Assert.That(Joined(labels, "subSuite"), Is.EqualTo(nameof(NUnitTestMapperTests)));
            Assert.That(Joined(labels, "tag"), Is.EqualTo("Reporting"));
            Assert.That(Joined(labels, "epic"), Is.EqualTo("Harness"));
            Assert.That(Joined(labels, "feature"), Is.EqualTo("Allure"));
            Assert.That(Joined(labels, "story"), Is.EqualTo("Mapping"));
            Assert.That(Joined(labels, "severity"), Is.EqualTo("critical"));
            Assert.That(Joined(labels, "framework"), Is.EqualTo("nunit"));
            Assert.That(Joined(labels, "language"), Is.EqualTo("csharp"));
            Assert.That(Joined(labels, "testClass"), Is.EqualTo(typeof(NUnitTestMapperTests).FullName));
            Assert.That(Joined(labels, "testMethod"), Is.EqualTo(result.Name));
            Assert.That(labels["host"].Single(), Is.Not.Empty);
            Assert.That(labels["thread"].Single(), Is.Not.Empty);
        });
    }

    private static string Joined(ILookup<string, string> labels, string name) => string.Join(";", labels[name]);

    [Test]
    public void Map_TestWithoutSeverity_DefaultsToNormal()
    {
        var result = NUnitTestMapper.Map(TestExecutionContext.CurrentContext.CurrentTest);

        Assert.That(result.Labels.Single(l => l.Name == "severity").Value, Is.EqualTo("normal"));
    }
}
