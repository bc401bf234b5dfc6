namespace PerfTests.Reporting.Model;

/// <summary>How the report shows a parameter's value.</summary>
public enum ParameterMode
{
    /// <summary>Shown as is.</summary>
    Default,

    /// <summary>Shown as asterisks (secrets).</summary>
    Masked,

    /// <summary>Not shown at all.</summary>
    Hidden,
}
