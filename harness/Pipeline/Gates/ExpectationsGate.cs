namespace PerfTests.Gates;

/// <summary>Fails the run when the workload's own expectations (<see cref="PerfRunContext.Expect"/>) did not hold.</summary>
public sealed class ExpectationsGate : IGate
{
    /// <summary>This gate's name in reports.</summary>
    public const string GateName = "expectations";

    /// <inheritdoc />
    public string Name => GateName;

    /// <inheritdoc />
    public GateResult Judge(PerfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var unmet = result.UnmetExpectations;
        return unmet.Count == 0
            ? new GateResult(Name, GateVerdict.Passed, "every expectation of the workload held")
            : new GateResult(Name, GateVerdict.Failed, $"{unmet.Count} expectation(s) not met")
            {
                Failure = "Expectation not met: " + string.Join(System.Environment.NewLine + "Expectation not met: ", unmet),
            };
    }
}
