using System.Globalization;
using System.Net.Http.Json;
using PerfTests.Load.Http;
using PerfTests;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The portal's requests as engine steps, one per endpoint kind the budgets name. Ids are spread
/// over the seeded data from one shared request counter (the engine's invocation number counts per
/// worker, so workers would all read the same few ids and flatter the cache).
/// </summary>
internal sealed class PortalSteps(HttpStepClient http, Uri baseAddress)
{
    private static readonly string[] SearchPrefixes = ["Sm", "Jo", "Wi", "Br", "Ta", "Da", "Ev", "Ro"];

    // Keeps created e-mails unique across runs against a long-lived external target too.
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    private long _requests;

    public Step Login() => Step.Create("login", ctx =>
        Post(ctx, "/api/auth/login", new { username = "user" + ((Next() % 20) + 1), password = "perf-admin" }));

    public Step ClientsList() => Step.Create("clients-list", ctx =>
        Get(ctx, $"/api/clients?page={(Next() % 50) + 1}&size=50"));

    public Step ClientDetail() => Step.Create("client-detail", ctx =>
        Get(ctx, $"/api/clients/{Spread(Next(), PortalEnvironment.SeededClients)}"));

    public Step ClientSearch() => Step.Create("client-search", ctx =>
        Get(ctx, $"/api/clients?search={SearchPrefixes[Next() % SearchPrefixes.Length]}&size=20"));

    public Step ClientCreate() => Step.Create("client-create", ctx =>
    {
        var n = Next();
        return Post(ctx, "/api/clients", new
        {
            groupId = Spread(n, PortalEnvironment.SeededClients / 10),
            firstName = "Load",
            lastName = "Test" + n.ToString(CultureInfo.InvariantCulture),
            email = $"load.{_runId}.{n}@example.test",
            riskProfile = "balanced",
        });
    });

    public Step PortfolioIrr() => Step.Create("portfolio-irr", ctx =>
        Get(ctx, $"/api/portfolios/{Spread(Next(), PortalEnvironment.SeededClients * 2)}/irr"));

    public Step PortfolioValuation() => Step.Create("portfolio-valuation", ctx =>
        Get(ctx, $"/api/portfolios/{Spread(Next(), PortalEnvironment.SeededClients * 2)}/valuation"));

    private long Next() => Interlocked.Increment(ref _requests);

    // A multiplicative hash spreads consecutive invocations over 1..count without repeating early.
    private static long Spread(long invocation, long count) => ((invocation * 7919) % count) + 1;

    private ValueTask<StepResult> Get(StepContext ctx, string path) =>
        http.GetAsync(new Uri(baseAddress, path), ctx.CancellationToken);

    private ValueTask<StepResult> Post(StepContext ctx, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path)) { Content = JsonContent.Create(body) };
        return http.SendAsync(request, ctx.CancellationToken);
    }
}
