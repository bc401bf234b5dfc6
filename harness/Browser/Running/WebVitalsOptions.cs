namespace PerfTests.Browser;

/// <summary>How each page is measured.</summary>
public sealed class WebVitalsOptions
{
    /// <summary>Measured runs per page, aggregated by median. Default 5.</summary>
    public int Runs { get; set; } = 5;

    /// <summary>Unmeasured runs first, so server JIT and connection set-up stay out of the numbers. Default 1.</summary>
    public int WarmUpRuns { get; set; } = 1;

    /// <summary>Quiet time after the ready selector and network idle before input starts (late shifts, LCP). Default 1 s.</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause after each interaction so its next paint is recorded. Default 250 ms.</summary>
    public TimeSpan InteractionPause { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Timeout of navigation and of waiting for the ready selector. Default 30 s.</summary>
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After the measured runs, one more (unmeasured) run records a screenshot and a screencast
    /// filmstrip, because recording frames costs main-thread time. Default true.
    /// </summary>
    public bool CaptureArtifacts { get; set; } = true;

    /// <summary>
    /// Record the screencast in every measured run, for Speed Index and the performance score (Lighthouse
    /// records screenshots in every run too). Default true.
    /// </summary>
    public bool SpeedIndex { get; set; } = true;

    /// <summary>
    /// After the settle time, keep watching until the main thread has had no long task for 5 s, so TTI is
    /// defined and TBT ends at TTI as in Lighthouse (bounded by <see cref="PageTimeout"/>). Default true.
    /// </summary>
    public bool WaitForInteractive { get; set; } = true;

    /// <summary>Desktop viewport width in CSS pixels (Lighthouse desktop: 1350; the mobile form factor has its own). Default 1350.</summary>
    public int ViewportWidth { get; set; } = 1350;

    /// <summary>Desktop viewport height in CSS pixels (Lighthouse desktop: 940). Default 940.</summary>
    public int ViewportHeight { get; set; } = 940;

    internal void Validate()
    {
        if (Runs < 1 || WarmUpRuns < 0 || SettleTime < TimeSpan.Zero || PageTimeout <= TimeSpan.Zero || ViewportWidth < 1 || ViewportHeight < 1)
        {
            throw new ArgumentException("WebVitalsOptions: Runs >= 1, WarmUpRuns >= 0, SettleTime >= 0, PageTimeout > 0 and a positive viewport are required.");
        }
    }
}
