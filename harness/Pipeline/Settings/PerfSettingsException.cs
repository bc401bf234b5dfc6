namespace PerfTests;

/// <summary>One or more performance settings are malformed; the message lists every problem and where it came from.</summary>
public sealed class PerfSettingsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PerfSettingsException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PerfSettingsException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PerfSettingsException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates the exception from every problem found.</summary>
    public PerfSettingsException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Each problem, naming the run parameter or environment variable it came from.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) => problems.Count switch
    {
        0 => "The performance settings are invalid.",
        1 => "Invalid performance setting: " + problems[0],
        _ => $"{problems.Count} invalid performance settings:{System.Environment.NewLine}- " + string.Join(System.Environment.NewLine + "- ", problems),
    };
}
