namespace PerfTests.Load.Running;

/// <summary>
/// The run-wide stop for <see cref="LoadRunnerOptions.AbortWhen"/>: the first scenario to give a
/// reason stops every scenario (k6 aborts the whole test too); later reasons are ignored.
/// </summary>
internal sealed class RunAbort : IDisposable
{
    private readonly CancellationTokenSource _source;
    private string? _reason;

    public RunAbort(CancellationToken cancellationToken) => _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    /// <summary>Cancelled by the caller's token or by an abort.</summary>
    public CancellationToken Token => _source.Token;

    public string? Reason => Volatile.Read(ref _reason);

    /// <summary>Whether the first reason was an unreachable target (fail fast) rather than a lost threshold.</summary>
    public bool TargetUnreachable { get; private set; }

    public void Abort(string reason, bool targetUnreachable = false)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
        {
            TargetUnreachable = targetUnreachable;
            _source.Cancel();
        }
    }

    public void Dispose() => _source.Dispose();
}
