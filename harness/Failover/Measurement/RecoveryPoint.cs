namespace PerfTests.Failover.Measurement;

/// <summary>
/// Recovery point of a drill: acknowledged writes missing after the failover. RPO in records is
/// <see cref="LostCount"/>; RPO in time is <see cref="LossWindow"/>, from the oldest lost
/// acknowledgement to the failure (zero when nothing was lost).
/// </summary>
public sealed record RecoveryPoint(int AcknowledgedCount, IReadOnlyList<AcknowledgedWrite> Lost, TimeSpan LossWindow)
{
    /// <summary>Acknowledged writes not found after the failover.</summary>
    public int LostCount => Lost.Count;

    /// <summary>
    /// Compares what was acknowledged with what survived.
    /// </summary>
    /// <param name="acknowledged">Every acknowledged write.</param>
    /// <param name="survivingKeys">Keys found on the (new) primary after the failover.</param>
    /// <param name="failureAt">When the failure was injected (the primary killed).</param>
    public static RecoveryPoint Compute(IReadOnlyList<AcknowledgedWrite> acknowledged, IReadOnlySet<string> survivingKeys, DateTimeOffset failureAt)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        ArgumentNullException.ThrowIfNull(survivingKeys);
        var lost = acknowledged.Where(w => !survivingKeys.Contains(w.Key)).OrderBy(w => w.Sequence).ToList();
        var window = lost.Count == 0 ? TimeSpan.Zero : failureAt - lost.Min(w => w.AcknowledgedAt);
        return new RecoveryPoint(acknowledged.Count, lost, window < TimeSpan.Zero ? TimeSpan.Zero : window);
    }

    /// <summary>"lost 3 of 812 acknowledged writes (window 1.20 s): #701 (id 9912), ..." listing at most <paramref name="max"/>.</summary>
    public string Describe(int max = 50)
    {
        if (LostCount == 0)
        {
            return $"all {AcknowledgedCount} acknowledged writes survived (RPO 0)";
        }

        var listed = string.Join(", ", Lost.Take(max).Select(w => w.SystemId is { } id ? $"#{w.Sequence} (id {id})" : $"#{w.Sequence}"));
        var more = LostCount > max ? $", ... {LostCount - max} more" : string.Empty;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"lost {LostCount} of {AcknowledgedCount} acknowledged writes (window {LossWindow.TotalSeconds:F2} s): {listed}{more}");
    }
}
