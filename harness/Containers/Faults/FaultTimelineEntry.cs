namespace PerfTests.Containers.Faults;

/// <summary>One change of the active faults.</summary>
/// <param name="At">When the change took effect (from the injector's TimeProvider).</param>
/// <param name="Change">Applied, removed or cleared.</param>
/// <param name="Fault">Description of the fault; empty for <see cref="FaultChange.Cleared"/>.</param>
public sealed record FaultTimelineEntry(DateTimeOffset At, FaultChange Change, string Fault);
