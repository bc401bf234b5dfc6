namespace PerfTests.Reporting.Model;

/// <summary>Allure's four result statuses; serialized in lower case.</summary>
public enum AllureStatus
{
    /// <summary>The test ran and every check held.</summary>
    Passed,

    /// <summary>An assertion failed: the system under test broke a promise (for example a budget).</summary>
    Failed,

    /// <summary>Any other exception: the test or its environment did not work.</summary>
    Broken,

    /// <summary>Ignored or inconclusive.</summary>
    Skipped,
}
