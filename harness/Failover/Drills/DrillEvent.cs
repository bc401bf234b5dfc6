namespace PerfTests.Failover.Drills;

/// <summary>One entry of a drill's timeline.</summary>
/// <param name="At">When it happened (from the drill's <see cref="TimeProvider"/>).</param>
/// <param name="Phase">The phase in force from this entry on.</param>
/// <param name="Description">What happened, e.g. "primary killed (SIGKILL)".</param>
public sealed record DrillEvent(DateTimeOffset At, DrillPhase Phase, string Description);
