namespace PerfTests.Failover.Processes;

/// <summary>The last few lines a child process wrote: enough for an error message, bounded in memory.</summary>
internal sealed class ProcessOutputTail(int lines)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count == 0 ? "(no output)" : string.Join(System.Environment.NewLine, _lines);
            }
        }
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > lines)
            {
                _lines.Dequeue();
            }
        }
    }
}
