namespace PerfTests.Budgets;

/// <summary>One budget YAML file (base or overlay) as written, before validation and freezing.</summary>
internal sealed class BudgetFileOptions(string file)
{
    public string File { get; } = file;

    public string? Suite { get; set; }

    public InsufficientDataPolicy? OnInsufficientData { get; set; }

    public long? MinSamples { get; set; }

    public Dictionary<string, ScopeOptions> Scenarios { get; } = new(StringComparer.Ordinal);
}
