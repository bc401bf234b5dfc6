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
        Trace = exception.StackTrace,
    };
}
