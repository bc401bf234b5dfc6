using PerfTests.Reporting.Context;

namespace PerfTests.Exporters;

/// <summary>Where exporters write: the current test's Allure result, and a log for what went wrong.</summary>
public sealed class ExportContext
{
    private readonly IPerfSink _sink;
    private readonly Action<string> _log;
    private readonly List<string> _problems = [];

    internal ExportContext(IPerfSink sink, Action<string> log)
    {
        _sink = sink;
        _log = log;
    }

    /// <summary>False outside an Allure-recorded test: attachments would be dropped, so skip rendering them.</summary>
    public bool IsRecording => _sink.IsActive;

    /// <summary>Exporters that failed so far, one line each.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Attaches text (image/svg+xml, text/html, text/csv, text/markdown, application/json, text/plain).</summary>
    public void Attach(string name, string content, string mimeType, string extension) => _sink.Attach(name, content, mimeType, extension);

    /// <summary>Attaches bytes (image/png).</summary>
    public void Attach(string name, byte[] content, string mimeType, string extension) => _sink.Attach(name, content, mimeType, extension);

    /// <summary>Records a metric that Allure trends across runs.</summary>
    public void Metric(string key, double value, string unit, MetricDirection direction) => _sink.Metric(key, value, unit, direction);

    /// <summary>Writes a line to the test's progress output.</summary>
    public void Log(string message) => _log(message);

    /// <summary>Runs one part of an export on its own: a failure is listed as a problem and the caller goes on.</summary>
    public void Try(string what, Action export)
    {
        ArgumentNullException.ThrowIfNull(export);
        try
        {
            export();
        }
#pragma warning disable CA1031 // One failing part must never stop the others or change the verdict.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Problem($"{what}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    internal void AttachFirst(string name, string content, string mimeType, string extension) => _sink.AttachFirst(name, content, mimeType, extension);

    internal void Problem(string problem)
    {
        _problems.Add(problem);
        _log("perf report: exporter failed: " + problem);
    }
}
