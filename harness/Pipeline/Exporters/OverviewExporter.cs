using PerfTests.Exporters.Overview;

namespace PerfTests.Exporters;

/// <summary>
/// The overview, put first in the test's report: verdict, gates, breaches with the bottleneck hint, the
/// run's figures and headline numbers, the key charts inline. The detail attachments follow it.
/// </summary>
public sealed class OverviewExporter : IExporter
{
    /// <summary>Attachment name of the overview.</summary>
    public const string AttachmentName = "overview";

    /// <inheritdoc />
    public string Name => AttachmentName;

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsRecording)
        {
            context.AttachFirst(AttachmentName, OverviewSvg.Render(result), "image/svg+xml", "svg");
        }
    }
}
