using NUnit.Framework.Interfaces;
using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.NUnit;

/// <summary>
/// NUnit outcome to Allure status, as allure-csharp maps it: an assertion failure is "failed" (the
/// system broke a promise), any other error is "broken" (the test or environment did not work),
/// ignored/explicit/inconclusive are "skipped". NUnit warnings (Assert.Warn, Assume in Multiple) have no
/// Allure status: they map to "passed" with the warning as the status message, prefixed "Warning: ",
/// so the test stays green but the message is visible on the result. A performance verdict that is
/// inconclusive (its message starts "Inconclusive: ": the machine, not the code, may have made it slow)
/// is "broken", so the report files it under "Environment failure", never as skipped or as a breach.
/// </summary>
internal static class OutcomeMapper
{
    /// <summary>How the pipeline starts an inconclusive verdict's message (PerfResult.Assert).</summary>
    internal const string InconclusivePrefix = "Inconclusive: ";

    public static (AllureStatus Status, StatusDetails? Details) Map(ResultState outcome, string? message, string? stackTrace)
    {
        var status = outcome.Status switch
        {
            TestStatus.Passed or TestStatus.Warning => AllureStatus.Passed,
            TestStatus.Inconclusive when message?.StartsWith(InconclusivePrefix, StringComparison.Ordinal) == true => AllureStatus.Broken,
            TestStatus.Skipped or TestStatus.Inconclusive => AllureStatus.Skipped,
            // A plain assertion failure has an empty label; "Error", "Cancelled", "Invalid" and
            // failures of a parent's OneTimeSetUp are not the system's fault.
            TestStatus.Failed when outcome.Label.Length == 0 && outcome.Site != FailureSite.Parent => AllureStatus.Failed,
            _ => AllureStatus.Broken,
        };

        if (outcome.Status == TestStatus.Warning)
        {
            message = string.IsNullOrEmpty(message) ? "Warning"
                : message.StartsWith("Warning: ", StringComparison.Ordinal) ? message : $"Warning: {message}";
        }

        var details = string.IsNullOrEmpty(message) && string.IsNullOrEmpty(stackTrace)
            ? null
            : new StatusDetails { Message = NullIfEmpty(message), Trace = NullIfEmpty(stackTrace) };
        return (status, details);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
