namespace PerfTests.Reporting.Model;

/// <summary>
/// One entry of <c>categories.json</c> (Allure 2). Regexes must match the whole message in Allure 2
/// (Java <c>matches</c>) and are searched in Allure 3 (JS <c>test</c>): write them as <c>[\s\S]*X[\s\S]*</c>.
/// </summary>
internal sealed record Category(string Name, IReadOnlyList<string> MatchedStatuses, string MessageRegex);
