using System.Globalization;

namespace PerfTests;

/// <summary>
/// Lines up the shards of one run: each waits, after its own set-up, for <see cref="PerfSettings.ShardStartAt"/>.
/// Matrix jobs and pods are scheduled minutes apart, so without it their arrivals would not overlap and the
/// merge would refuse them for starting too far apart.
/// </summary>
internal static class ShardStart
{
    /// <summary>The longest a shard waits: a start further off is a mistake (a wrong date, a local time read as UTC), not a plan.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    /// <summary>Refuses a start further off than <see cref="MaxWait"/> before anything is set up.</summary>
    public static void Check(PerfSettings settings, TimeProvider time)
    {
        if (Planned(settings) is { } at && at - time.GetUtcNow() is var wait && wait > MaxWait)
        {
            throw new PerfSettingsException(
                $"ShardStartAt / PERF_SHARD_START_AT is {Format(at)}, {Round(wait)} from now; a shard waits at most {MaxWait.TotalMinutes:0} minutes. Set the start a little after the last shard will be ready (e.g. 2 minutes after the plan).");
        }
    }

    /// <summary>Waits until the planned start, or returns at once when there is none or it has passed (and says so).</summary>
    public static async Task WaitAsync(PerfSettings settings, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        if (Planned(settings) is not { } at)
        {
            return;
        }

        var wait = at - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            output.WriteLine($"shard {settings.Shard}: the shards' start {Format(at)} passed {Round(-wait)} ago; starting now (the merge checks how far apart the shards started).");
            return;
        }

        output.WriteLine($"shard {settings.Shard}: waiting {Round(wait)} for the shards' start at {Format(at)}.");
        // The timer is monotonic and may fire a little before the wall clock reaches the instant: wait out the rest.
        do
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            wait = at - time.GetUtcNow();
        }
        while (wait > TimeSpan.Zero);
    }

    private static DateTimeOffset? Planned(PerfSettings settings) => settings.Shard.IsSingle ? null : settings.ShardStartAt;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    private static string Round(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s" : $"{span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min";
}
