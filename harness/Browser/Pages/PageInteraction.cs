using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>A real user input driven through Playwright (trusted events), measured by INP.</summary>
public abstract record PageInteraction
{
    /// <summary>Clicks the first element matching a CSS selector.</summary>
    public static PageInteraction Click(string selector) => new ClickInteraction(selector);

    /// <summary>Types text key by key into the element matching a CSS selector (one interaction per key).</summary>
    public static PageInteraction Type(string selector, string text) => new TypeInteraction(selector, text);

    internal abstract Task RunAsync(IPage page);

    private sealed record ClickInteraction(string Selector) : PageInteraction
    {
        internal override Task RunAsync(IPage page) => page.Locator(Selector).First.ClickAsync();

        public override string ToString() => $"click {Selector}";
    }

    private sealed record TypeInteraction(string Selector, string Text) : PageInteraction
    {
        internal override Task RunAsync(IPage page) =>
            page.Locator(Selector).First.PressSequentiallyAsync(Text, new() { Delay = 50 });

        public override string ToString() => $"type '{Text}' into {Selector}";
    }
}
