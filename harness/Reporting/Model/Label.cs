namespace PerfTests.Reporting.Model;

/// <summary>One Allure label: suites, tags, epic/feature/story, severity, host, thread...</summary>
internal sealed record Label(string Name, string Value);
