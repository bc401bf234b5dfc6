using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Integration.Tests.Reports;

/// <summary>
/// The parts of the Allure 3 "awesome" single-file report the check needs, found by visible text
/// where the UI has it, otherwise by the data-testid attributes Allure's own UI tests use
/// (checked against allure 3.18.0).
/// </summary>
internal sealed partial class AllureReportPage(IPage page)
{
    /// <summary>Generous: the single file is about 4 MB of inlined scripts and data, on a busy machine.</summary>
    private static readonly float TimeoutMs = 30_000;

    private string _overview = "";

    public IPage Page { get; } = page;

    /// <summary>Opens index.html from file:// and waits for the results tree.</summary>
    public async Task OpenAsync(string indexPath)
    {
        _overview = new Uri(indexPath).AbsoluteUri;
        await Page.GotoAsync(_overview, new() { Timeout = TimeoutMs });
        await LeafTitles.First.WaitForAsync(new() { Timeout = TimeoutMs });
    }

    /// <summary>Titles of the tests in the results tree (every group is expanded by default).</summary>
    public Task<IReadOnlyList<string>> TreeTestTitlesAsync() => LeafTitles.AllInnerTextsAsync();

    /// <summary>The status icon of a test in the tree: "passed", "failed", "broken"...</summary>
    public async Task<string> TreeStatusAsync(string testName)
    {
        var leaf = Page.GetByTestId("tree-leaf").Filter(new() { Has = Page.GetByText(testName, new() { Exact = true }) });
        var testId = await leaf.Locator("[data-testid^='tree-leaf-status-']").First.GetAttributeAsync("data-testid", new() { Timeout = TimeoutMs });
        return testId?["tree-leaf-status-".Length..] ?? "";
    }

    /// <summary>Opens a test's page from the tree and waits for its body (steps and attachments).</summary>
    public async Task OpenTestAsync(string testName)
    {
        await LeafTitles.GetByText(testName, new() { Exact = true }).ClickAsync(new() { Timeout = TimeoutMs });
        await Page.GetByText("Test body").WaitForAsync(new() { Timeout = TimeoutMs });
    }

    /// <summary>Whether an element with exactly this text is visible (after waiting for it up to the timeout).</summary>
    public async Task<bool> ShowsTextAsync(string text, float? timeoutMs = null)
    {
        try
        {
            await Page.GetByText(text, new() { Exact = true }).First.WaitForAsync(new() { Timeout = timeoutMs ?? TimeoutMs });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Expands the attachment row with this name and returns the &lt;img&gt; the report shows an SVG
    /// attachment as (its alt is the attachment's file name in allure-results).
    /// </summary>
    public async Task<ILocator> ExpandImageAttachmentAsync(string attachmentName, string sourceFileName)
    {
        await Page.GetByText(attachmentName, new() { Exact = true }).First.ClickAsync(new() { Timeout = TimeoutMs });
        var image = Page.Locator($"img[alt='{sourceFileName}']");
        await image.WaitForAsync(new() { Timeout = TimeoutMs });
        await image.ScrollIntoViewIfNeededAsync();
        // Visible is not enough: a broken image is visible too. Wait until it has decoded.
        await image.EvaluateAsync("img => img.decode()");
        return image;
    }

    /// <summary>
    /// Goes back to the overview (a test page has no tabs) and switches to the Categories tab (its
    /// name carries a counter, "Categories 1"; the results filter of the same name does not).
    /// </summary>
    public async Task OpenCategoriesAsync()
    {
        await OpenAsync(new Uri(_overview).LocalPath);
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = CategoriesTab() }).ClickAsync(new() { Timeout = TimeoutMs });
        await Page.WaitForURLAsync(new Regex("#categories$"), new() { Timeout = TimeoutMs });
    }

    /// <summary>Expands a category (collapsed at first) until <paramref name="testName"/> shows under it.</summary>
    public async Task ExpandCategoryAsync(string category, string testName)
    {
        await Page.GetByText(category, new() { Exact = true }).First.WaitForAsync(new() { Timeout = TimeoutMs });
        if (!await ShowsTextAsync(testName, 1_000))
        {
            await Page.GetByText(category, new() { Exact = true }).First.ClickAsync(new() { Timeout = TimeoutMs });
        }
    }

    private ILocator LeafTitles => Page.GetByTestId("tree-leaf-title");

    [GeneratedRegex(@"^Categories\s*\d+$")]
    private static partial Regex CategoriesTab();
}
