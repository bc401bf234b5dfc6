namespace PerfTests.Reporting.Model;

/// <summary>The message and stack trace shown under a non-passed result or step.</summary>
internal sealed class StatusDetails
{
    public string? Message { get; set; }

    public string? Trace { get; set; }
}
