namespace PerfTests.Exporters;

/// <summary>
/// Writes one view of a judged run: an Allure attachment, a file, a job-summary section. Exporters run
/// after the gates and before the verdict is asserted; one that throws is reported and never stops the
/// others or changes the verdict.
/// </summary>
public interface IExporter
{
    /// <summary>Short name for the report's problem list ("overview", "markdown summary").</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="result"/> through <paramref name="context"/>.</summary>
    void Export(PerfResult result, ExportContext context);
}
