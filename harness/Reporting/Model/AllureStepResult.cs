namespace PerfTests.Reporting.Model;

/// <summary>One step of a test; steps nest.</summary>
internal sealed class AllureStepResult : ExecutableItem;
