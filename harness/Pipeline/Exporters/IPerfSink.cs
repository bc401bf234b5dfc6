using PerfTests.Reporting.Context;

namespace PerfTests.Exporters;

/// <summary>Where the exporters put attachments and metrics; Allure in production, a recorder in tests.</summary>
internal interface IPerfSink
{
    /// <summary>False when nothing would be kept (no recorded test): exporters then skip the rendering work.</summary>
    bool IsActive { get; }

    void Attach(string name, string content, string mimeType, string extension);

    void Attach(string name, byte[] content, string mimeType, string extension);

    void AttachFirst(string name, string content, string mimeType, string extension);

    void Metric(string key, double value, string unit, MetricDirection direction);
}
