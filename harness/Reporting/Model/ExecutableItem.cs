namespace PerfTests.Reporting.Model;

/// <summary>What results, steps and fixtures share: status, times (epoch milliseconds), steps, attachments.</summary>
internal abstract class ExecutableItem
{
    public string Name { get; set; } = "";

    public AllureStatus? Status { get; set; }

    public StatusDetails? StatusDetails { get; set; }

    /// <summary>Always "finished" once written; the writer never emits running items.</summary>
    public string Stage { get; set; } = "finished";

    public string? Description { get; set; }

    /// <summary>Start time, Unix epoch milliseconds.</summary>
    public long Start { get; set; }

    /// <summary>Stop time, Unix epoch milliseconds.</summary>
    public long Stop { get; set; }

    public List<AllureStepResult> Steps { get; init; } = [];

    public List<Attachment> Attachments { get; init; } = [];

    public List<Parameter> Parameters { get; init; } = [];
}
