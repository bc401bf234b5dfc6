using Microsoft.Extensions.Time.Testing;
using PerfTests.Load.Running;

namespace Harness.Tests.Load;

/// <summary>Runs the engine on a fake clock, advancing it in small steps until the run completes.</summary>
internal static class FakeClock
{
    public static LoadRunnerOptions Options(FakeTimeProvider fake, TimeSpan? gracefulStop = null) => new()
    {
        TimeProvider = fake,
        Progress = ProgressMode.Never,
        GracefulStop = gracefulStop ?? TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// Advances <paramref name="fake"/> by <paramref name="step"/> until <paramref name="run"/>
    /// completes (bounded: fails instead of hanging). Assertions on such runs must be about counts
    /// that do not depend on how threads interleave with the advances.
    /// </summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider fake, Task<T> run, TimeSpan step, int maxSteps = 5_000)
    {
        for (var i = 0; i < maxSteps && !run.IsCompleted; i++)
        {
            fake.Advance(step);
            // A real pause lets the engine's thread-pool work catch up with the new time.
            await Task.Delay(1).ConfigureAwait(false);
        }

        Assert.That(run.IsCompleted, Is.True, $"run did not finish within {maxSteps} clock steps");
        return await run.ConfigureAwait(false);
    }
}
