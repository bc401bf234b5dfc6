using System.Diagnostics;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>
/// Polls <c>/metrics</c> while a run goes on and keeps every change of the downstream circuit
/// breaker's state with the time it was seen (polling: a state shorter than the interval can be missed).
/// </summary>
internal sealed class BreakerWatch(PortalMetrics metrics, TimeSpan interval)
{
    private readonly List<(TimeSpan At, string State)> _changes = [];

    /// <summary>Every state seen, in order, with its time since <see cref="RunAsync"/> began.</summary>
    public IReadOnlyList<(TimeSpan At, string State)> Changes => _changes;

    /// <summary>Whether the breaker was seen open at any point.</summary>
    public bool SawOpen => _changes.Any(c => c.State == "Open");

    /// <summary>The last state seen, or empty before the first poll.</summary>
    public string LastState => _changes.Count == 0 ? string.Empty : _changes[^1].State;

    /// <summary>Polls until cancelled; a failed poll is skipped (the portal may be saturated).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var state = PortalMetrics.Text(await metrics.ReadAsync(cancellationToken).ConfigureAwait(false), "downstream", "breakerState");
                if (_changes.Count == 0 || _changes[^1].State != state)
                {
                    _changes.Add((clock.Elapsed, state));
                }

                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // Skipped sample: the next poll tells the state.
            }
        }
    }

    /// <summary>e.g. <c>0.0 s Closed -> 4.2 s Open -> 9.5 s HalfOpen -> 9.7 s Closed</c>.</summary>
    public string Describe() => string.Join(" -> ", _changes.Select(c => $"{c.At.TotalSeconds:0.0} s {c.State}"));
}
