namespace PerfTests.Failover.Drills;

/// <summary>The phases of a failover drill, in order (seed 000: baseline -> failure -> recovery -> validation).</summary>
public enum DrillPhase
{
    /// <summary>Steady load before anything breaks.</summary>
    Baseline,

    /// <summary>The fault is being injected (e.g. standby lagging, primary killed).</summary>
    Failure,

    /// <summary>Failover action taken (e.g. standby promoted); load continues while the system recovers.</summary>
    Recovery,

    /// <summary>Load stopped; the drill checks what survived (acknowledged writes).</summary>
    Validation,
}
