using System.Net;
using System.Text.Json;
using PerfTests.Containers.Faults;

namespace Integration.Tests.Faults;

[Category("Integration")]
[NonParallelizable]
public sealed class ResponseFaultTests
{
    private static readonly Uri Price = new("/prices/ACME", UriKind.Relative);

    [TearDown]
    public void ClearFaults() => FaultsSetUp.Faults.Clear();

    [Test]
    public async Task ErrorRatio_503At30Percent_AboutThirtyPercentOf400RequestsFail()
    {
        const int requests = 400;
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.ErrorRatio(503, 0.3));

        var statuses = new List<HttpStatusCode>(requests);
        for (var i = 0; i < requests; i++)
        {
            using var response = await http.GetAsync(Price);
            statuses.Add(response.StatusCode);
        }

        var share = statuses.Count(s => s == HttpStatusCode.ServiceUnavailable) / (double)requests;
        using (Assert.EnterMultipleScope())
        {
            // +-0.08 is about 3.5 binomial standard deviations for n=400, p=0.3.
            Assert.That(share, Is.EqualTo(0.3).Within(0.08));
            Assert.That(statuses.Where(s => s != HttpStatusCode.ServiceUnavailable), Has.All.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task ErrorRatio_Injected_BodyNamesTheInjectedStatus()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.ErrorRatio(500, 1.0));

        using var response = await http.GetAsync(Price);
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(body, Does.Contain("injected fault"));
        }
    }

    [Test]
    public async Task ConnectionReset_Applied_ClientThrowsHttpRequestException()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.ConnectionReset());

        await Assert.ThatAsync(() => http.GetAsync(Price), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task EmptyResponse_Applied_JsonParsingFails()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.EmptyResponse());

        using var response = await http.GetAsync(Price);
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Is.Empty);
            Assert.That(() => JsonDocument.Parse(body), Throws.InstanceOf<JsonException>());
        }
    }

    [Test]
    public async Task MalformedBody_Applied_JsonParsingFails()
    {
        using var http = FaultsSetUp.CreateClient();
        FaultsSetUp.Faults.Apply(Fault.MalformedBody());

        using var response = await http.GetAsync(Price);
        var body = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(() => JsonDocument.Parse(body), Throws.InstanceOf<JsonException>());
        }
    }

    [Test]
    public async Task Timeout_HoldLongerThanClientTimeout_ClientTimesOut()
    {
        using var http = FaultsSetUp.CreateClient(timeout: TimeSpan.FromMilliseconds(500));
        FaultsSetUp.Faults.Apply(Fault.Timeout(TimeSpan.FromSeconds(10)));

        await Assert.ThatAsync(
            () => http.GetAsync(Price),
            Throws.InstanceOf<TaskCanceledException>().With.InnerException.InstanceOf<TimeoutException>());
    }
}
