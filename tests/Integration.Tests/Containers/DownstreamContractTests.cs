using PerfTests.Suites.Infrastructure;
using System.Net;
using System.Text.Json;

namespace Integration.Tests.Containers;

[Category("Integration")]
public sealed class DownstreamContractTests
{
    [Test]
    public async Task GetPrice_KnownSymbol_ReturnsPriceJson()
    {
        using var http = new HttpClient { BaseAddress = EnvironmentSetUp.Current.DownstreamBaseUrl };

        using var response = await http.GetAsync(new Uri("/prices/acme", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(root.GetProperty("symbol").GetString(), Is.EqualTo("ACME"));
            Assert.That(root.GetProperty("price").GetDecimal(), Is.EqualTo(MarketPricesStub.PriceFor("ACME")));
            Assert.That(root.GetProperty("currency").GetString(), Is.EqualTo("GBP"));
            Assert.That(root.GetProperty("asOf").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        }
    }

    [Test]
    public async Task GetPrice_InvalidPath_Returns404()
    {
        using var http = new HttpClient { BaseAddress = EnvironmentSetUp.Current.DownstreamBaseUrl };

        using var response = await http.GetAsync(new Uri("/prices/not/a/symbol", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
