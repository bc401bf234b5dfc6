using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PerfTests.Load.Sharding;

/// <summary>
/// A short hash of what a run was told to do: every scenario's name, steps, warm-up, stages, seed and
/// capacity. Shards of one run have the same plan; a shard built from other code or another profile
/// (a different duration scale) does not, and the merge refuses it by this.
/// </summary>
internal static class PlanFingerprint
{
    public static string Of(IEnumerable<Scenario> scenarios)
    {
        var text = new StringBuilder();
        foreach (var s in scenarios)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Name}|{string.Join(',', s.Steps.Select(step => step.Name))}|{s.WarmUp.Ticks}|{s.AutoWarmUp}|{s.Seed}|{s.MaxWorkers}|{s.MaxQueuedArrivals}");
            foreach (var stage in s.LoadSimulations)
            {
                text.Append(CultureInfo.InvariantCulture, $"|{stage.Kind}:{stage.During.Ticks}:{stage.Target:R}:{stage.Min:R}:{stage.Interval.Ticks}");
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
