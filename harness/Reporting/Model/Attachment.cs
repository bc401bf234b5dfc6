namespace PerfTests.Reporting.Model;

/// <summary>A link from a result or step to a <c>{uuid}-attachment.ext</c> file in the results folder.</summary>
internal sealed record Attachment(string Name, string Source, string Type);
