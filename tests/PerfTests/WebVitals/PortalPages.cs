using PerfTests.Browser;

namespace PerfTests.Suites.WebVitals;

/// <summary>The sample portal's pages as the budgets name them, with the real inputs that INP measures.</summary>
internal static class PortalPages
{
    /// <summary>Firm-wide summary cards; one click on Refresh (re-renders from the API).</summary>
    public static PageSpec Dashboard { get; } = new("dashboard", "/", "#cards .card", [PageInteraction.Click("#refresh")]);

    /// <summary>1,000 clients in a virtualized table; typing a filter (one interaction per key), then sorting.</summary>
    public static PageSpec Clients { get; } = new("clients", "/clients", ".row.data",
        [PageInteraction.Type("#filter", "son"), PageInteraction.Click("#sort-name")]);

    /// <summary>One client with portfolios; hiding and showing the portfolio table.</summary>
    public static PageSpec ClientDetail { get; } = new("client-detail", "/clients/42", "#portfolios table",
        [PageInteraction.Click("#toggle-portfolios"), PageInteraction.Click("#toggle-portfolios")]);

    public static IReadOnlyList<PageSpec> All { get; } = [Dashboard, Clients, ClientDetail];

    /// <summary>The page a budget scenario (<c>page</c> or <c>page@conditions</c>) names.</summary>
    /// <exception cref="ArgumentException">No such page; lists the known ones.</exception>
    public static PageSpec Named(string page) =>
        All.FirstOrDefault(p => p.Name == page)
        ?? throw new ArgumentException($"budget scenario names unknown page '{page}' (known: {string.Join(", ", All.Select(p => p.Name))})", nameof(page));
}
