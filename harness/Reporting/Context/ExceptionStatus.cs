using NUnit.Framework;
using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Context;

/// <summary>Maps an exception that ended a step to an Allure status, the way allure-csharp does.</summary>
internal static class ExceptionStatus
{
    public static AllureStatus Of(Exception exception) => exception switch
    {
        AssertionException or MultipleAssertException => AllureStatus.Failed,
        IgnoreException or InconclusiveException => AllureStatus.Skipped,
        SuccessException => AllureStatus.Passed,
        _ => AllureStatus.Broken,
    };

    public static StatusDetails Details(Exception exception) => new()
    {
        Message = exception is AssertionException or MultipleAssertException
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}",
        Trace = TrimTrace(exception.StackTrace),
    };

    /// <summary>Drops NUnit's and the step wrapper's own frames, as NUnit does for test traces.</summary>
    internal static string? TrimTrace(string? trace)
    {
        if (trace is null)
        {
            return null;
        }

        var lines = trace.Split('\n').Where(line =>
        {
            var frame = line.TrimStart();
            return !frame.StartsWith("at NUnit.Framework.", StringComparison.Ordinal)
                && !frame.StartsWith("at PerfTests.Reporting.Context.", StringComparison.Ordinal);
        });
        return string.Join('\n', lines);
    }
}
