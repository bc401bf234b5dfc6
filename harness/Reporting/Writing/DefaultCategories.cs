using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Writing;

/// <summary>
/// The project's failure categories. Keep in sync with scripts/allure/allurerc.mjs (Allure 3 reads
/// categories from there, not from categories.json). First match wins, so the order matters.
/// </summary>
internal static class DefaultCategories
{
    public static IReadOnlyList<Category> All { get; } =
    [
        new("Budget breach", ["failed"], @"[\s\S]*[Bb]udget[\s\S]*"),
        new("Regression", ["failed"], @"[\s\S]*([Rr]egression|[Bb]aseline)[\s\S]*"),
        new(
            "Environment failure",
            ["broken"],
            @"[\s\S]*([Cc]ontainer|[Dd]ocker|[Pp]odman|[Tt]estcontainers|[Cc]onnection refused|[Ss]ocket|[Ee]nvironment|[Tt]imed? ?out)[\s\S]*"),
    ];
}
