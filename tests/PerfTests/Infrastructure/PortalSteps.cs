using System.Globalization;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The portal's requests as engine steps, one per endpoint kind the budgets name. Ids are spread
/// over the seeded data from one shared request counter (the engine's invocation number counts per
/// worker, so workers would all read the same few ids and flatter the cache).
/// </summary>
internal sealed class PortalSteps(HttpTarget http)
{
    private static readonly string[] SearchPrefixes = ["Sm", "Jo", "Wi", "Br", "Ta", "Da", "Ev", "Ro"];

    // Keeps created e-mails unique across runs against a long-lived external target too.
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    private long _requests;

    public Step Login() => http.PostJson("login", "/api/auth/login", _ =>
        new { username = "user" + ((Next() % 20) + 1), password = "perf-admin" });

    public Step ClientsList() => http.Get("clients-list", _ => $"/api/clients?page={(Next() % 50) + 1}&size=50");

    public Step ClientDetail() => http.Get("client-detail", _ => $"/api/clients/{Spread(Next(), PortalEnvironment.SeededClients)}");

    public Step ClientSearch() => http.Get("client-search", _ => $"/api/clients?search={SearchPrefixes[Next() % SearchPrefixes.Length]}&size=20");

    public Step ClientCreate() => http.PostJson("client-create", "/api/clients", _ =>
    {
        var n = Next();
        return new
        {
            groupId = Spread(n, PortalEnvironment.SeededClients / 10),
            firstName = "Load",
            lastName = "Test" + n.ToString(CultureInfo.InvariantCulture),
            email = $"load.{_runId}.{n}@example.test",
            riskProfile = "balanced",
        };
    });

    public Step PortfolioIrr() => http.Get("portfolio-irr", _ => $"/api/portfolios/{Spread(Next(), PortalEnvironment.SeededClients * 2)}/irr");

    public Step PortfolioValuation() => http.Get("portfolio-valuation", _ => $"/api/portfolios/{Spread(Next(), PortalEnvironment.SeededClients * 2)}/valuation");

    private long Next() => Interlocked.Increment(ref _requests);

    // A multiplicative hash spreads consecutive invocations over 1..count without repeating early.
    private static long Spread(long invocation, long count) => ((invocation * 7919) % count) + 1;
}
