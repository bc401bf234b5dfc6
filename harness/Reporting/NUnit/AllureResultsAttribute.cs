using NUnit.Framework;
using NUnit.Framework.Interfaces;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.Writing;

namespace PerfTests.Reporting.NUnit;

/// <summary>
/// Records every test into allure-results. Apply once per test assembly:
/// <c>[assembly: AllureResults]</c> (or on a fixture class). Results go to $ALLURE_RESULTS_DIR, else
/// <c>allure-results</c> at the repository root above the test output folder. The folder is not
/// cleaned: clean it before <c>dotnet test</c> (several assemblies may share it).
/// Reporting problems are logged to NUnit's progress output and never change a test's outcome.
/// Tests skipped before they start (<c>[Ignore]</c> attribute, failed OneTimeSetUp) are not
/// recorded: NUnit runs no test actions for them.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllureResultsAttribute : Attribute, ITestAction
{
    private static readonly Lock SharedSync = new();
    private static AllureLifecycle? _shared;

    /// <summary>Per test, not per suite: each test becomes one result file.</summary>
    public ActionTargets Targets => ActionTargets.Test;

    /// <inheritdoc />
    public void BeforeTest(ITest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        Guard(() => Before(test, Shared()));
    }

    /// <inheritdoc />
    public void AfterTest(ITest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var result = TestContext.CurrentContext.Result;
        Guard(() => After(test, result.Outcome, result.Message, result.StackTrace, Shared()));
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
                var directory = ResultsDirectory.Resolve(System.Environment.GetEnvironmentVariable, TestContext.CurrentContext.WorkDirectory);
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
