using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Writing;

/// <summary>
/// The project's failure categories. Keep in sync with scripts/allure/allurerc.mjs (Allure 3 reads
/// categories from there, not from categories.json). First match wins, so the order matters.
/// </summary>
internal static class DefaultCategories
{
    // Budget breach: the budget gate's wording, "Budget '<suite>' breached: N metric(s) failed".
    // Regression: a baseline comparison says "regressed" (or "regression").
    // Environment failure: the harness's own environment exceptions (type names appear in NUnit's
    // message), plus Docker/Podman/Testcontainers/socket errors from underneath them.
    public static IReadOnlyList<Category> All { get; } =
    [
        new("Budget breach", ["failed"], @"[\s\S]*Budget '[^']*' breached[\s\S]*"),
        new("Regression", ["failed"], @"[\s\S]*[Rr]egress(ed|ion)[\s\S]*"),
        new(
            "Environment failure",
            ["broken"],
            @"[\s\S]*(ContainerRuntimeUnavailable|SystemUnderTestUnreachable|is not reachable|[Cc]ontainer|[Dd]ocker|[Pp]odman|[Tt]estcontainers|[Cc]onnection refused|[Ss]ocket|[Ee]nvironment|[Tt]imed? ?out)[\s\S]*"),
    ];
}
