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

    /// <summary>Bounds the expanding clicks: a report here has a handful of groups (parentSuite, suite, subSuite per class).</summary>
    private const int MaxExpandClicks = 30;

    private string _overview = "";
    private List<string>? _logged;

    public IPage Page { get; } = page;

    /// <summary>
    /// Opens index.html from file:// and waits for the results tree, every group expanded. A page that
    /// shows no tree is loaded once more (a CI run once timed out here with no further sign); a second
    /// miss fails with what the page logged, so the next one says why.
    /// </summary>
    public async Task OpenAsync(string indexPath)
    {
        _overview = new Uri(indexPath).AbsoluteUri;
        if (_logged is null)
        {
            _logged = [];
            Page.Console += (_, message) => { if (message.Type is "error" or "warning") { _logged.Add($"console {message.Type}: {message.Text}"); } };
            Page.PageError += (_, error) => _logged.Add($"page error: {error}");
        }
        for (var attempt = 1; ; attempt++)
        {
            await Page.GotoAsync(_overview, new() { Timeout = TimeoutMs });
            try
            {
                // The second load waits twice as long: a CI run beside other builds showed only the page's frame twice.
                await LeafTitles.Or(Page.GetByTestId("tree-section-title")).First.WaitForAsync(new() { Timeout = TimeoutMs * attempt });
                break;
            }
            catch (TimeoutException e) when (attempt == 1)
            {
                TestContext.Out.WriteLine($"the report showed no results tree within {TimeoutMs / 1000} s ({e.Message.Split('\n')[0]}); loading it again");
            }
            catch (TimeoutException e)
            {
                var body = await Page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
                throw new TimeoutException($"the report showed no results tree twice. The page logged: {string.Join("; ", _logged.DefaultIfEmpty("nothing"))}. " +
                    $"Its text: {body[..Math.Min(body.Length, 500)]}", e);
            }
        }

        await ExpandTreeAsync();
        await LeafTitles.First.WaitForAsync(new() { Timeout = TimeoutMs });
    }

    /// <summary>Titles of the tests in the results tree.</summary>
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

    /// <summary>The title of the first item of the open test's body (a step or an attachment), as the reader sees it first.</summary>
    public async Task<string> FirstBodyItemTitleAsync()
    {
        var first = Page.GetByTestId("test-result-steps-root")
            .Locator("[data-testid='test-result-attachment-header'], [data-testid='test-result-step-title']").First;
        var text = await first.InnerTextAsync(new() { Timeout = TimeoutMs });
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(t => !t.All(char.IsAsciiDigit)) ?? "";
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

    /// <summary>Whether the overview has a Categories tab: Allure shows it only when some test falls into a category.</summary>
    public Task<bool> HasCategoriesTabAsync() => Page.GetByRole(AriaRole.Button, new() { NameRegex = CategoriesTab() }).IsVisibleAsync();

    /// <summary>Opens the Categories view by its address (#categories), which works with and without the tab.</summary>
    public async Task OpenCategoriesByAddressAsync()
    {
        await Page.GotoAsync(_overview + "#categories", new() { Timeout = TimeoutMs });
        await Page.WaitForURLAsync(new Regex("#categories$"), new() { Timeout = TimeoutMs });
    }

    /// <summary>
    /// Opens every collapsed group of the results tree, outermost first. Allure does not always
    /// expand them (the demo report's groups, holding a failure, open expanded; the Load suite's
    /// single passed test opened collapsed). An open group's arrow icon carries an
    /// "...arrow-button-icon--opened..." class (the suffix is a CSS-module hash).
    /// </summary>
    private async Task ExpandTreeAsync()
    {
        var collapsed = Page.GetByTestId("tree-section")
            .Filter(new() { Has = Page.Locator("[data-testid='tree-arrow'] svg:not([class*='arrow-button-icon--opened'])") });
        for (var click = 0; click < MaxExpandClicks && await collapsed.CountAsync() > 0; click++)
        {
            var section = collapsed.First;
            var id = await section.GetAttributeAsync("data-tree-node-id", new() { Timeout = TimeoutMs });
            await section.GetByTestId("tree-section-title").ClickAsync(new() { Timeout = TimeoutMs });
            // Wait for the click to take effect: counting again too early would click it closed.
            await Page.Locator($"[data-tree-node-id='{id}'] [data-testid='tree-arrow'] svg[class*='arrow-button-icon--opened']")
                .WaitForAsync(new() { Timeout = TimeoutMs });
        }
    }

    private ILocator LeafTitles => Page.GetByTestId("tree-leaf-title");

    [GeneratedRegex(@"^Categories\s*\d+$")]
    private static partial Regex CategoriesTab();
}
