using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Context;

/// <summary>An open step and the one around it; immutable, so AsyncLocal copies stay independent.</summary>
internal sealed record StepFrame(AllureStepResult Step, StepFrame? Parent, TestRecord Owner);
