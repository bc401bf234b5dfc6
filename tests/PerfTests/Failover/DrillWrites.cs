using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PerfTests.Failover.Measurement;

namespace PerfTests.Suites.Failover;

/// <summary>
/// The drill's load: POST /api/clients, each with a uniquely numbered e-mail address. Only a 201
/// answer counts as acknowledged; the e-mail (not the returned id, which a promoted standby may
/// reissue) identifies the record when the drill checks what survived.
/// </summary>
internal sealed class DrillWrites(HttpClient http, Uri baseAddress, AcknowledgedWriteLog log, StartedRequestLog started, string runTag)
{
    /// <summary>Table and column the acknowledged keys are checked in.</summary>
    public const string Table = "clients";

    /// <summary>Column holding the unique key.</summary>
    public const string KeyColumn = "email";

    public Step Create() => started.Step("create-client", async ctx =>
    {
        var sequence = log.NextSequence();
        var key = string.Create(CultureInfo.InvariantCulture, $"drill-{runTag}-{sequence}@failover.test");
        var body = new
        {
            groupId = (sequence % (FailoverPortal.SeededClients / 10)) + 1,
            firstName = "Drill",
            lastName = "Record" + sequence.ToString(CultureInfo.InvariantCulture),
            email = key,
            riskProfile = "balanced",
        };
        using var response = await http.PostAsJsonAsync(new Uri(baseAddress, "/api/clients"), body, ctx.CancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode != 201)
        {
            return StepResult.Fail((int)response.StatusCode);
        }

        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ctx.CancellationToken).ConfigureAwait(false), cancellationToken: ctx.CancellationToken).ConfigureAwait(false);
        log.Acknowledge(sequence, key, json.RootElement.GetProperty("id").GetInt64());
        return StepResult.Ok(201);
    });
}
