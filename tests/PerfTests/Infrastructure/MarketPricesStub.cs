using System.Globalization;
using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The sample portal's downstream "market prices" contract (fixtures/SampleSystem README): GET
/// /prices/{symbol} answers 200 JSON with a price derived from the symbol, so consumers can assert
/// values across runs; GET /health answers OK.
/// </summary>
public static class MarketPricesStub
{
    /// <summary>Currency of every price.</summary>
    public const string Currency = "GBP";

    /// <summary>Registers the contract's mappings (the stub's <c>map</c>): <c>options.DownstreamStub = MarketPricesStub.Register</c>.</summary>
    public static void Register(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var timeProvider = TimeProvider.System;
        server
            .Given(Request.Create().UsingGet().WithPath(new RegexMatcher("^/prices/[A-Za-z0-9.\\-]{1,16}$")))
            .RespondWith(Response.Create().WithCallback(request => PriceResponse(request, timeProvider)));

        server
            .Given(Request.Create().UsingGet().WithPath("/health"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("OK"));
    }

    /// <summary>Stable pseudo price 10.00..999.99 for a symbol (FNV-1a hash; string.GetHashCode changes per process).</summary>
    public static decimal PriceFor(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var hash = 2166136261u;
        foreach (var c in symbol.ToUpperInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return 10m + ((hash % 99_000u) / 100m);
    }

    private static ResponseMessage PriceResponse(IRequestMessage request, TimeProvider timeProvider)
    {
        var symbol = request.Path[(request.Path.LastIndexOf('/') + 1)..].ToUpperInvariant();
        var json = JsonSerializer.Serialize(new
        {
            symbol,
            price = PriceFor(symbol),
            currency = Currency,
            asOf = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        });
        var response = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }
}
