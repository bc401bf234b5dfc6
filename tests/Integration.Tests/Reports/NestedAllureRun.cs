using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.Model;
using PerfTests.Reporting.NUnit;
using PerfTests.Reporting.Writing;
using TestResult = PerfTests.Reporting.Model.TestResult;

namespace Integration.Tests.Reports;

/// <summary>
/// Records test bodies run inside the current NUnit test as Allure results of their own, with the
/// writer and lifecycle the <c>[assembly: AllureResults]</c> attribute uses, into a folder of our
/// choosing. While it lives, <see cref="AllureContext"/> points at it, so the bodies use the harness's
/// ordinary reporting calls. Dispose to restore the previous lifecycle (none in this assembly).
/// Not for parallel tests: <see cref="AllureContext"/>'s lifecycle is process-wide.
/// </summary>
internal sealed class NestedAllureRun : IDisposable
{
    private readonly AllureLifecycle lifecycle;
    private readonly AllureLifecycle? previous;

    public NestedAllureRun(string resultsDirectory)
    {
        ResultsDirectory = resultsDirectory;
        // Keyed by the async flow only (no NUnit test id): the outer test itself is never recorded.
        lifecycle = new AllureLifecycle(new AllureResultsWriter(resultsDirectory, Log), TimeProvider.System) { Log = Log };
        previous = AllureContext.Lifecycle;
        AllureContext.Lifecycle = lifecycle;
    }

    public string ResultsDirectory { get; }

    /// <summary>
    /// Runs <paramref name="body"/> as the test <c>{className}.{methodName}</c> and writes its result.
    /// Assertions inside run in an isolated NUnit context, so a failing body fails only its own
    /// result (mapped like the attribute maps NUnit outcomes: assertion = failed, other error = broken).
    /// NUnit warnings (Assert.Warn) stay in the isolated context: such a body is recorded as plainly passed.
    /// </summary>
    /// <returns>The status written.</returns>
    public async Task<AllureStatus> RecordAsync(string className, string methodName, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var key = $"{className}.{methodName}";
        lifecycle.StartTest(key, className, Result(className, methodName));

        ResultState outcome;
        string? message = null;
        string? trace = null;
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                await body();
                outcome = ResultState.Success;
            }
            catch (AssertionException ex)
            {
                (outcome, message, trace) = (ResultState.Failure, ex.Message, ex.StackTrace);
            }
#pragma warning disable CA1031 // Like NUnit, any other exception is the nested test's error ("broken"), not ours.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (outcome, message, trace) = (ResultState.Error, $"{ex.GetType().FullName} : {ex.Message}", ex.StackTrace);
            }
        }

        var (status, details) = OutcomeMapper.Map(outcome, message, trace);
        return lifecycle.StopTest(key, status, details)
            ? status
            : throw new InvalidOperationException($"Writing the Allure result of {key} to {ResultsDirectory} failed; see the progress output.");
    }

    public void Dispose() => AllureContext.Lifecycle = previous;

    /// <summary>The labels NUnitTestMapper gives a test, for a class that exists only as names here.</summary>
    private static TestResult Result(string className, string methodName)
    {
        var split = className.LastIndexOf('.');
        var (nameSpace, shortName) = split < 0 ? ("", className) : (className[..split], className[(split + 1)..]);
        var result = new TestResult { Uuid = Guid.NewGuid().ToString(), FullName = $"{className}.{methodName}", Name = methodName };
        result.Labels.AddRange(
        [
            new("parentSuite", "Integration.Tests"), new("suite", nameSpace), new("subSuite", shortName),
            new("tag", "Load"), new("feature", "Report rendering"), new("severity", "normal"),
            new("framework", "nunit"), new("language", "csharp"), new("testClass", className), new("testMethod", methodName),
        ]);
        return result;
    }

    private static void Log(string message) => TestContext.Progress.WriteLine(message);
}
