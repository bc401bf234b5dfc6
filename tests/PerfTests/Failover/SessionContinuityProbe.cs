using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PerfTests.Suites.Failover;

/// <summary>
/// Session continuity of the app-server drill: a few users log in once through the balancer before
/// the failure, then call GET /api/auth/me with their bearer tokens throughout. Continuity = of the
/// authenticated requests started after the failure that an instance answered with its auth decision
/// (2xx, 401 or 403), the share answered 2xx. Transport errors and 5xx belong to the error burst.
/// </summary>
internal sealed class SessionContinuityProbe
{
    private readonly HttpTarget _http;
    private readonly Uri _me;
    private readonly IReadOnlyList<string> _tokens;
    private readonly TimeProvider _time;
    private long _failureTimestamp = long.MaxValue;
    private long _requests;
    private long _decidedAfterFailure;
    private long _acceptedAfterFailure;

    private SessionContinuityProbe(HttpTarget balancer, IReadOnlyList<string> tokens, TimeProvider time) =>
        (_http, _me, _tokens, _time) = (balancer, balancer.Url("/api/auth/me"), tokens, time);

    /// <summary>Tokens held by the users: one login each, round-robin over the instances.</summary>
    public int Sessions => _tokens.Count;

    /// <summary>Authenticated requests after the failure that got an auth decision (2xx/401/403).</summary>
    public long DecidedAfterFailure => Interlocked.Read(ref _decidedAfterFailure);

    /// <summary>Of those, answered 2xx: the session survived.</summary>
    public long AcceptedAfterFailure => Interlocked.Read(ref _acceptedAfterFailure);

    /// <summary>Accepted / decided after the failure, 0..1; 0 when nothing was decided (no evidence of continuity).</summary>
    public double Continuity => DecidedAfterFailure == 0 ? 0 : (double)AcceptedAfterFailure / DecidedAfterFailure;

    /// <summary>Logs <paramref name="users"/> seeded users (user1..) in one after another through the balancer.</summary>
    public static async Task<SessionContinuityProbe> LoginAsync(HttpTarget balancer, int users, TimeProvider time, CancellationToken cancellationToken)
    {
        var tokens = new List<string>();
        for (var i = 1; i <= users; i++)
        {
            using var login = new HttpRequestMessage(HttpMethod.Post, balancer.Url("/api/auth/login")) { Content = JsonContent.Create(new { username = $"user{i}", password = "perf-admin" }) };
            using var response = await balancer.RequestAsync(login, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            tokens.Add(body.RootElement.GetProperty("token").GetString() ?? throw new InvalidOperationException("login answered without a token"));
        }

        return new SessionContinuityProbe(balancer, tokens, time);
    }

    /// <summary>Requests started from now on count towards <see cref="Continuity"/>.</summary>
    public void MarkFailure() => Interlocked.Exchange(ref _failureTimestamp, _time.GetTimestamp());

    /// <summary>The load step: GET /api/auth/me with the users' tokens in turn.</summary>
    public Step AuthMeStep() => Step.Create("auth-me", async ctx =>
    {
        var afterFailure = _time.GetTimestamp() >= Interlocked.Read(ref _failureTimestamp);
        var request = new HttpRequestMessage(HttpMethod.Get, _me);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[(int)(Interlocked.Increment(ref _requests) % _tokens.Count)]);
        var result = await _http.SendAsync(request, ctx.CancellationToken);
        if (afterFailure && result.Status is null && result.StatusCode is (>= 200 and < 300) or 401 or 403)
        {
            Interlocked.Increment(ref _decidedAfterFailure);
            if (result.IsOk)
            {
                Interlocked.Increment(ref _acceptedAfterFailure);
            }
        }

        return result;
    });

    /// <summary>One line for logs and Allure.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"session continuity: {AcceptedAfterFailure} of {DecidedAfterFailure} authenticated requests after the failure accepted ({Continuity:P1}), {Sessions} sessions");
}
