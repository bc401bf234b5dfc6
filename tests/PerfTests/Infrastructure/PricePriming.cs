namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// Values enough portfolios, one at a time, that the portal has a last known price for every market
/// symbol. Without it, a downstream fault makes valuations of never-priced symbols answer 503, and a
/// breaker drill would measure the cold cache instead of the fallback.
/// </summary>
internal static class PricePriming
{
    /// <summary>Portfolios valued: 5 holdings each over 40 symbols, so 120 leave none unpriced in practice.</summary>
    public const int Portfolios = 120;

    /// <summary>Values portfolios 1..<see cref="Portfolios"/> (spread over the seeded set); returns how many answered 200.</summary>
    public static async Task<int> PrimeAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var ok = 0;
        for (var i = 0; i < Portfolios; i++)
        {
            var id = ((i * 7919L) % 20_000) + 1;
            using var response = await http.GetAsync(new Uri($"/api/portfolios/{id}/valuation", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            ok += response.IsSuccessStatusCode ? 1 : 0;
        }

        return ok;
    }
}
