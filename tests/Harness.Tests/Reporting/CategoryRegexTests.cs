using PerfTests.Gates;
using System.Text.RegularExpressions;
using PerfTests.Budgets;
using PerfTests;
using PerfTests.Reporting.Writing;

using Harness.Tests.Exporters;

namespace Harness.Tests.Reporting;

/// <summary>The Allure categories match the messages the harness really produces (Allure 2 whole-message semantics).</summary>
[TestFixture]
internal sealed class CategoryRegexTests
{
    private const string ContainerMessage =
        "PerfTests.Containers.Runtime.ContainerRuntimeUnavailableException : No container runtime answers at unix:///run/podman/podman.sock (socket file does not exist). On Debian without Docker run ...";

    private const string UnreachableMessage =
        "OneTimeSetUp: PerfTests.SystemUnderTestUnreachableException : The system under test at http://127.0.0.1:5000/ is not reachable: GET http://127.0.0.1:5000/health failed within 10 s, no answer.";

    [Test]
    public void Categories_RealBudgetAssertFailure_IsBudgetBreach()
    {
        var run = PerfSamples.Run(PerfSamples.Checkout());
        var report = PerfSamples.Report(run);

        var message = BudgetMessages.Failure(report, BudgetReportFormatter.Table(report));

        Assert.That(Categorize(message, "failed"), Is.EqualTo("Budget breach"));
    }

    [TestCase("p95 regressed by 32% against baseline 'main' (12.1 ms -> 16.0 ms, p=0.003)", "failed", "Regression")]
    [TestCase(ContainerMessage, "broken", "Environment failure")]
    [TestCase(UnreachableMessage, "broken", "Environment failure")]
    [TestCase("Docker.DotNet.DockerApiException : Docker API responded with status code=NotFound", "broken", "Environment failure")]
    [TestCase("System.InvalidOperationException : container 'postgres' exited with code 1", "broken", "Environment failure")]
    [TestCase("Expected: 5\n  But was:  4\n", "failed", null)]
    [TestCase("System.NullReferenceException : Object reference not set to an instance of an object.", "broken", null)]
    [TestCase("Budget 'checkout': 1 metric(s) past the warn limit", "passed", null)]
    public void Categories_TypicalMessage_FirstMatchingCategory(string message, string status, string? expected) =>
        Assert.That(Categorize(message, status), Is.EqualTo(expected));

    [Test]
    public void AllureRc_SameRulesAsCategoriesJson()
    {
        var allurerc = RepositoryFiles.Read("scripts/allure/allurerc.mjs");

        Assert.Multiple(() =>
        {
            foreach (var category in DefaultCategories.All)
            {
                // In the .mjs file the regex is a JS string literal: every backslash doubled.
                var literal = "\"" + category.MessageRegex.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
                Assert.That(allurerc, Does.Contain($"name: \"{category.Name}\""));
                Assert.That(allurerc, Does.Contain(literal), $"allurerc.mjs differs for '{category.Name}'");
            }
        });
    }

    // Allure 2 uses Java's matches(): the regex must match the whole (multi-line) message. First match wins.
    private static string? Categorize(string message, string status) =>
        DefaultCategories.All.FirstOrDefault(c =>
            c.MatchedStatuses.Contains(status) && Regex.IsMatch(message, "^(?:" + c.MessageRegex + ")$"))?.Name;
}
