using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Reporting.Writing;

namespace PerfTests;

/// <summary>
/// Records every test into allure-results. Apply once per test assembly:
/// <c>[assembly: AllureResults]</c> (or on a fixture class). Results go to the run parameter
/// <c>AllureResultsDir</c>, else $ALLURE_RESULTS_DIR, else
/// <c>allure-results</c> at the repository root above the test output folder. The folder is not
/// cleaned: clean it before <c>dotnet test</c> (several assemblies may share it).
/// Reporting problems are logged to NUnit's progress output and never change a test's outcome.
/// Tests NUnit never starts (<c>[Ignore]</c>, a failed OneTimeSetUp) get no test action; they are
/// recorded when their enclosing suite ends, from NUnit's result tree (skipped / broken).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllureResultsAttribute : Attribute, ITestAction
{
    private static readonly Lock SharedSync = new();
    private static AllureLifecycle? _shared;

    /// <summary>
    /// Each test becomes one result file; suites are targeted too, only to record, when a suite
    /// ends, the tests NUnit never started.
    /// </summary>
    public ActionTargets Targets => ActionTargets.Test | ActionTargets.Suite;

    /// <inheritdoc />
    public void BeforeTest(ITest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (!test.IsSuite)
        {
            Guard(() => Before(test, Shared()));
        }
    }

    /// <inheritdoc />
    public void AfterTest(ITest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.IsSuite)
        {
            Guard(() => RecordNotStarted(TestExecutionContext.CurrentContext.CurrentResult, Shared()));
            return;
        }

        var result = TestContext.CurrentContext.Result;
        Guard(() => After(test, result.Outcome, result.Message, result.StackTrace, Shared()));
    }

    /// <summary>Writes results for leaf tests under <paramref name="suiteResult"/> that were never recorded.</summary>
    internal static int RecordNotStarted(ITestResult suiteResult, AllureLifecycle lifecycle)
    {
        var written = 0;
        foreach (var child in suiteResult.Children)
        {
            if (child.Test.IsSuite)
            {
                written += RecordNotStarted(child, lifecycle);
                continue;
            }

            // Explicit tests are deliberately not run; listing them would only add noise.
            if (child.ResultState.Label == ResultState.Explicit.Label && child.ResultState.Status == TestStatus.Skipped)
            {
                continue;
            }

            var (status, details) = OutcomeMapper.Map(child.ResultState, child.Message, child.StackTrace);
            var result = NUnitTestMapper.Map(child.Test);
            if (lifecycle.WriteNotStarted(child.Test.Id, child.Test.ClassName ?? child.Test.FullName, result, status, details))
            {
                written++;
            }
        }

        return written;
    }

    internal static void Before(ITest test, AllureLifecycle lifecycle)
    {
        var result = NUnitTestMapper.Map(test);
        lifecycle.StartTest(test.Id, test.ClassName ?? test.FullName, result);
    }

    internal static bool After(ITest test, ResultState outcome, string? message, string? stackTrace, AllureLifecycle lifecycle)
    {
        var (status, details) = OutcomeMapper.Map(outcome, message, stackTrace);
        return lifecycle.StopTest(test.Id, status, details);
    }

    /// <summary>One lifecycle per process, created on first use (the results folder is resolved then).</summary>
    private static AllureLifecycle Shared()
    {
        lock (SharedSync)
        {
            if (_shared is null)
            {
                var directory = ResultsDirectory.Resolve(name => TestContext.Parameters.Get(name), System.Environment.GetEnvironmentVariable, TestContext.CurrentContext.WorkDirectory);
                var writer = new AllureResultsWriter(directory, Log);
                _shared = new AllureLifecycle(writer, TimeProvider.System, () => TestContext.CurrentContext.Test.ID) { Log = Log };
                AllureContext.Lifecycle = _shared;
            }

            return _shared;
        }
    }

    private static void Log(string message) => TestContext.Progress.WriteLine(message);

    private static void Guard(Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // A reporting bug must never turn a passing test red (house style 5).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log($"allure: recording failed: {ex}");
        }
    }
}
