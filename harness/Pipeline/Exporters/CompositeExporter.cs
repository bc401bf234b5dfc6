namespace PerfTests.Exporters;

/// <summary>Runs exporters in order, each on its own: one that throws is listed in <see cref="ExportContext.Problems"/> and the next still runs.</summary>
public sealed class CompositeExporter(IEnumerable<IExporter> exporters) : IExporter
{
    private readonly IReadOnlyList<IExporter> _exporters = [.. exporters];

    /// <inheritdoc />
    public string Name => "all exporters";

    /// <summary>The exporters, in the order they run.</summary>
    public IReadOnlyList<IExporter> Exporters => _exporters;

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exporter in _exporters)
        {
            try
            {
                exporter.Export(result, context);
            }
#pragma warning disable CA1031 // One failing exporter must never stop the others or change the verdict.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                context.Problem($"{exporter.Name}: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
