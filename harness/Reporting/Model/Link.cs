namespace PerfTests.Reporting.Model;

/// <summary>A link shown on a result (issue, tms or plain link).</summary>
internal sealed record Link(string Name, string Url, string? Type);
