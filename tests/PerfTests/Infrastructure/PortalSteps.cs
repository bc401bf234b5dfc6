using System.Globalization;
using System.Net.Http.Json;
using PerfTests.Load.Http;
using PerfTests.Load.Scenarios;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The portal's requests as engine steps, one per endpoint kind the budgets name. Ids are spread
/// over the seeded data deterministically from the invocation number, so runs are repeatable.
/// </summary>
internal sealed class PortalSteps(HttpStepClient http, Uri baseAddress)
{
    private static readonly string[] SearchPrefixes = ["Sm", "Jo", "Wi", "Br", "Ta", "Da", "Ev", "Ro"];

    public Step Login() => Step.Create("login", ctx =>
        Post(ctx, "/api/auth/login", new { username = "user" + ((ctx.InvocationNumber % 20) + 1), password = "perf-admin" }));

    public Step ClientsList() => Step.Create("clients-list", ctx =>
        Get(ctx, $"/api/clients?page={(ctx.InvocationNumber % 50) + 1}&size=50"));

    public Step ClientDetail() => Step.Create("client-detail", ctx =>
        Get(ctx, $"/api/clients/{Spread(ctx.InvocationNumber, PortalEnvironment.SeededClients)}"));

    public Step ClientSearch() => Step.Create("client-search", ctx =>
        Get(ctx, $"/api/clients?search={SearchPrefixes[ctx.InvocationNumber % SearchPrefixes.Length]}&size=20"));

    public Step ClientCreate() => Step.Create("client-create", ctx =>
        Post(ctx, "/api/clients", new
        {
            groupId = Spread(ctx.InvocationNumber, PortalEnvironment.SeededClients / 10),
            firstName = "Load",
            lastName = "Test" + ctx.InvocationNumber.ToString(CultureInfo.InvariantCulture),
            email = $"load{ctx.Scenario.ScenarioName.GetHashCode(StringComparison.Ordinal):x}.{ctx.WorkerId}.{ctx.InvocationNumber}@example.test",
            riskProfile = "balanced",
        }));

    public Step PortfolioIrr() => Step.Create("portfolio-irr", ctx =>
        Get(ctx, $"/api/portfolios/{Spread(ctx.InvocationNumber, PortalEnvironment.SeededClients * 2)}/irr"));

    public Step PortfolioValuation() => Step.Create("portfolio-valuation", ctx =>
        Get(ctx, $"/api/portfolios/{Spread(ctx.InvocationNumber, PortalEnvironment.SeededClients * 2)}/valuation"));

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
