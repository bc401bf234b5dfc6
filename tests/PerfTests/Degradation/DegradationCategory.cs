namespace PerfTests.Suites.Degradation;

/// <summary>
/// Category of the degradation-under-faults tests (<c>dotnet test --filter Category=Degradation</c>):
/// their own category because they break dependencies on purpose, which a plain Load run should not.
/// </summary>
internal static class DegradationCategory
{
    public const string Name = "Degradation";
}
