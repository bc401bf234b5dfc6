namespace PerfTests.Budgets;

/// <summary>Thrown when a budget file (or its overlay) has errors; lists all of them, one per line.</summary>
public sealed class BudgetValidationException : Exception
{
    /// <summary>Creates the exception from every error found.</summary>
    public BudgetValidationException(IReadOnlyList<BudgetError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates an exception with a message only (no located errors).</summary>
    public BudgetValidationException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message only (no located errors).</summary>
    public BudgetValidationException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates an exception with a message and cause (no located errors).</summary>
    public BudgetValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Every error, in the order found.</summary>
    public IReadOnlyList<BudgetError> Errors { get; }

    private static string Describe(IReadOnlyList<BudgetError> errors) =>
        $"Invalid budget: {errors.Count} error(s){Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
}
