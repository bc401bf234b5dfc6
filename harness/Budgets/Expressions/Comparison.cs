namespace PerfTests.Budgets;

/// <summary>How an actual value must compare to a limit for the limit to hold.</summary>
public enum Comparison
{
    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>==</c> (also written <c>===</c>, as k6 allows)</summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,
}
