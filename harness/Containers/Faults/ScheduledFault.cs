namespace PerfTests.Containers.Faults;

/// <summary>Timers that apply and remove one fault; disposing cancels both and removes the fault if on.</summary>
internal sealed class ScheduledFault : IDisposable
{
    private readonly FaultInjector _injector;
    private readonly Fault _fault;
    private readonly ITimer _start;
    private readonly ITimer _stop;
    private int _state; // 0 pending, 1 applied, 2 finished

    internal ScheduledFault(FaultInjector injector, Fault fault, TimeSpan from, TimeSpan to)
    {
        _injector = injector;
        _fault = fault;
        var time = injector.TimeProvider;
        _start = time.CreateTimer(_ => OnStart(), null, from, System.Threading.Timeout.InfiniteTimeSpan);
        _stop = time.CreateTimer(_ => OnStop(), null, to, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _start.Dispose();
        _stop.Dispose();
        OnStop();
    }

    private void OnStart()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
        {
            _injector.Apply(_fault);
        }
    }

    private void OnStop()
    {
        if (Interlocked.Exchange(ref _state, 2) == 1)
        {
            _injector.Remove(_fault);
        }
    }
}
