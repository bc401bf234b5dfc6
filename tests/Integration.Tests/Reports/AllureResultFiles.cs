using System.Text.Json;

namespace Integration.Tests.Reports;

/// <summary>Looks things up in the <c>*-result.json</c> files of an allure-results folder.</summary>
internal static class AllureResultFiles
{
    /// <summary>The parsed result of the test named <paramref name="testName"/> (the method name); fails the test when there is none.</summary>
    public static JsonElement Result(string results, string testName)
    {
        foreach (var file in Directory.EnumerateFiles(results, "*-result.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            if (json.RootElement.GetProperty("name").GetString() == testName)
            {
                return json.RootElement.Clone();
            }
        }

        throw new AssertionException($"No result of {testName} in {results}.");
    }

    /// <summary>The file name in allure-results of a test's attachment (top level or in a step); fails the test when there is none.</summary>
    public static string AttachmentSource(string results, string testName, string attachmentName) =>
        FindAttachment(Result(results, testName), attachmentName)
        ?? throw new AssertionException($"No attachment '{attachmentName}' on {testName} in {results}.");

    /// <summary>Names of every attachment of a result, its steps' included.</summary>
    public static IEnumerable<string> AttachmentNames(JsonElement item) =>
        item.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("name").GetString() ?? "")
            .Concat(item.GetProperty("steps").EnumerateArray().SelectMany(AttachmentNames));

    /// <summary>The value of a result's parameter; fails the test when it has none of that name.</summary>
    public static string Parameter(JsonElement result, string name) =>
        result.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("name").GetString() == name)
            .Select(p => p.GetProperty("value").GetString())
            .FirstOrDefault() ?? throw new AssertionException($"The result has no parameter '{name}'.");

    private static string? FindAttachment(JsonElement item, string name)
    {
        foreach (var attachment in item.GetProperty("attachments").EnumerateArray())
        {
            if (attachment.GetProperty("name").GetString() == name)
            {
                return attachment.GetProperty("source").GetString();
            }
        }

        return item.GetProperty("steps").EnumerateArray().Select(step => FindAttachment(step, name)).FirstOrDefault(s => s is not null);
    }
}
