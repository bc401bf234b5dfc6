namespace PerfTests.Reporting.Model;

/// <summary>The content of one <c>{uuid}-result.json</c> file.</summary>
internal sealed class TestResult : ExecutableItem
{
    public required string Uuid { get; init; }

    public string? HistoryId { get; set; }

    public string? TestCaseId { get; set; }

    public required string FullName { get; set; }

    public List<Label> Labels { get; init; } = [];

    public List<Link> Links { get; init; } = [];
}
