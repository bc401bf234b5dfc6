using Microsoft.Playwright;

namespace Integration.Tests.Reports;

/// <summary>Viewport screenshots of the rendered report, kept as test attachments and checked not to be blank.</summary>
internal static class ReportScreenshot
{
    /// <summary>Saves report-screenshots/<paramref name="name"/>.png, attaches it to the test output and fails when it looks blank.</summary>
    public static async Task CaptureAsync(IPage page, string name)
    {
        var png = await page.ScreenshotAsync();
        var folder = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshots")).FullName;
        var path = Path.Combine(folder, $"{name}.png");
        await File.WriteAllBytesAsync(path, png);
        TestContext.AddTestAttachment(path, $"Allure report: {name}");

        var stats = ScreenshotCheck.Measure(png);
        TestContext.Out.WriteLine($"{name}.png: {stats}");
        Assert.That(stats.IsBlank, Is.False, $"{name}.png looks blank: {stats}");
    }
}
