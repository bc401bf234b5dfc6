using System.Text;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace PerfTests.Exporters.Tables;

/// <summary>
/// A scenario's HdrHistogram log as text. HdrHistogram.NET writes UTF-16; the attachment is re-encoded
/// as UTF-8 so browsers show it and the Java/Go tooling (HistogramLogAnalyzer) reads it.
/// </summary>
internal static class HistogramLogText
{
    public static string Render(DateTimeOffset startedAt, ScenarioResult scenario)
    {
        using var stream = new MemoryStream();
        HistogramLog.Write(stream, startedAt, scenario);
        // ToArray still works after the log writer closed the stream.
        var bytes = stream.ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
