namespace PerfTests.Load.Running;

/// <summary>When the runner prints live progress.</summary>
public enum ProgressMode
{
    /// <summary>Only when standard output is a terminal (not redirected): quiet in CI logs.</summary>
    Auto,

    /// <summary>Always (e.g. a CI job that wants a heartbeat).</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}
