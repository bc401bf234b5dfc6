using PerfTests.Reporting.Context;
using PerfTests.Exporters;

namespace Harness.Tests.Exporters;

/// <summary>Collects what the exporters send, optionally throwing for chosen attachment names.</summary>
internal sealed class RecordingSink(Func<string, bool>? throwFor = null) : IPerfSink
{
    public bool IsActive { get; init; } = true;

    public List<(string Name, string Content, string MimeType, string Extension)> Attachments { get; } = [];

    public List<(string Key, double Value, string Unit, MetricDirection Direction)> Metrics { get; } = [];

    public void Attach(string name, string content, string mimeType, string extension)
    {
        if (throwFor?.Invoke(name) == true)
        {
            throw new InvalidOperationException($"sink refused '{name}'");
        }

        Attachments.Add((name, content, mimeType, extension));
    }

    public List<string> First { get; } = [];

    public void Attach(string name, byte[] content, string mimeType, string extension) =>
        Attach(name, Convert.ToBase64String(content), mimeType, extension);

    public void AttachFirst(string name, string content, string mimeType, string extension)
    {
        First.Add(name);
        Attachments.Insert(0, (name, content, mimeType, extension));
    }

    public void Metric(string key, double value, string unit, MetricDirection direction) => Metrics.Add((key, value, unit, direction));
}
