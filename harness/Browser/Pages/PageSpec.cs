namespace PerfTests.Browser;

/// <summary>A page to measure: its name (the budget scope), its path, what marks it as rendered, and the inputs to drive.</summary>
/// <param name="Name">Page name; the budget scenario is this name, optionally with <c>@conditions</c>.</param>
/// <param name="Path">Path and query relative to the site's base address, e.g. <c>/clients</c>.</param>
/// <param name="ReadySelector">CSS selector that exists once the page rendered its data (waited for before measuring).</param>
/// <param name="Interactions">Clicks and typing driven after load, in order (for INP).</param>
public sealed record PageSpec(string Name, string Path, string ReadySelector, IReadOnlyList<PageInteraction> Interactions);
