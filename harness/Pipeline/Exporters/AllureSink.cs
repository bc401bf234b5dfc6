using PerfTests.Reporting.Context;

namespace PerfTests.Exporters;

/// <summary>Sends exporter output to the current Allure test through <see cref="AllureContext"/>.</summary>
internal sealed class AllureSink : IPerfSink
{
    public static AllureSink Instance { get; } = new();

    public bool IsActive => AllureContext.IsRecording;

    public void Attach(string name, string content, string mimeType, string extension) =>
        AllureContext.Attach(name, content, mimeType, extension);

    public void Attach(string name, byte[] content, string mimeType, string extension) =>
        AllureContext.Attach(name, content, mimeType, extension);

    public void AttachFirst(string name, string content, string mimeType, string extension) =>
        AllureContext.AttachFirst(name, content, mimeType, extension);

    public void Metric(string key, double value, string unit, MetricDirection direction) =>
        AllureContext.Metric(key, value, unit, direction);
}
