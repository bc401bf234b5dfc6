namespace PerfTests;

/// <summary>A named unit of work inside a scenario iteration.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Step is the domain word (NBomber, k6); VB callers are not a target.")]
public sealed class Step
{
    private Step(string name, Func<StepContext, ValueTask<StepResult>> run)
    {
        Name = name;
        Run = run;
    }

    /// <summary>Step name (unique within its scenario).</summary>
    public string Name { get; }

    internal Func<StepContext, ValueTask<StepResult>> Run { get; }

    /// <summary>
    /// Creates a step. Return <see cref="StepResult.Ok"/> or <see cref="StepResult.Fail(int, long, string?)"/>;
    /// a thrown exception counts as a failure whose status is the exception type name.
    /// </summary>
    public static Step Create(string name, Func<StepContext, ValueTask<StepResult>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        return new Step(name, run);
    }
}
