using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orders.PerfTests;

/// <summary>
/// The payment provider, a service this team does not own: a WireMock stub that accepts every
/// charge after 20 ms, the provider's usual answer time.
/// </summary>
public static class PaymentProvider
{
    public static void Map(WireMockServer server) =>
        server.Given(Request.Create().UsingPost().WithPath("/payments"))
            .RespondWith(Response.Create()
                .WithStatusCode(201)
                .WithBodyAsJson(new { status = "captured" })
                .WithDelay(TimeSpan.FromMilliseconds(20)));
}
