namespace PerfTests;

/// <summary>The whole ladder: every rung run, in order, and the breaking point it found.</summary>
/// <param name="Rungs">Every rung run, lowest rate first; the ladder stops at the first broken one.</param>
public sealed record StressLadderResult(IReadOnlyList<StressRung> Rungs)
{
    /// <summary>The highest rung that met its budget with every rung below it also meeting it; null if none.</summary>
    public StressRung? LastSustainable => Rungs.TakeWhile(r => r.WithinBudget).LastOrDefault();

    /// <summary>The first rung that broke the budget; null if the ladder topped out within budget.</summary>
    public StressRung? FirstBroken => Rungs.FirstOrDefault(r => !r.WithinBudget);

    /// <summary>Max sustainable rate (iterations/s actually completed on the last sustainable rung); 0 if none.</summary>
    public double SustainablePerSecond => LastSustainable?.Result.RequestsPerSecond ?? 0;

    /// <summary>Error rate on the first broken rung (0..1), or 0 when nothing broke.</summary>
    public double ErrorRatePastBreak => FirstBroken?.ErrorRate ?? 0;
}
