using System.Globalization;
using System.Text;

namespace PerfTests.Load.Results;

/// <summary>Compact plain-text summary of results (used by <c>ToString</c>).</summary>
public static class ResultFormatter
{
    /// <summary>Summary of a whole run.</summary>
    public static string Format(LoadRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Load run {run.StartedAt:u} duration {run.Duration.TotalSeconds:0.0} s")
          .AppendLine(run.IsCancelled ? " (CANCELLED: partial result)" : run.AbortReason is { } why ? $" (ABORTED: {why})" : string.Empty);
        foreach (var scenario in run.Scenarios)
        {
            sb.Append(Format(scenario));
        }

        return sb.ToString();
    }

    /// <summary>Summary of one scenario and its steps.</summary>
    public static string Format(ScenarioResult s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"scenario '{s.Name}': {s.RequestCount} iterations ({s.OkCount} ok, {s.FailCount} failed, {s.DroppedCount} dropped, {s.InterruptedCount} interrupted) ")
          .Append(CultureInfo.InvariantCulture,
            $"in {s.Duration.TotalSeconds:0.0} s, {Results.Format.Rate(s.RequestsPerSecond)} req/s, {Results.Format.Bytes(s.BytesPerSecond)}/s")
          .AppendLine();
        sb.Append("  latency:     ").AppendLine(s.Latency.ToString());
        sb.Append("  uncorrected: ").AppendLine(s.UncorrectedLatency.ToString());
        if (s.FailedLatency.Count > 0)
        {
            // On a line of its own: failed iterations are not in the latency above (nor in latency budgets).
            sb.Append("  failed:      ").AppendLine(s.FailedLatency.ToString());
        }
        if (s.StatusCodes.Count > 0)
        {
            sb.Append("  status: ").AppendLine(string.Join(", ", s.StatusCodes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        }

        foreach (var step in s.Steps)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  step '{step.Name}': {step.OkCount} ok, {step.FailCount} failed; ")
              .AppendLine(step.Latency.ToString());
        }

        return sb.ToString();
    }
}
