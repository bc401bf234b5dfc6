using System.Net.Http.Json;
using PerfTests.Load.Http;

namespace PerfTests;

/// <summary>
/// The target as load steps see it: its base address and HTTP steps on one shared connection pool.
/// Only loopback, the target the run names and the hosts in <see cref="PerfSettings.AllowedHosts"/>
/// may receive load; anything else is refused when the step is built or the request sent.
/// Created by <see cref="PerfTest"/> for each run; steps may be used only during that run.
/// </summary>
public sealed class HttpTarget
{
    private readonly HttpStepClient _client;

    internal HttpTarget(HttpStepClient client, Uri baseAddress)
    {
        _client = client;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    /// <summary>Root URL of the target, ending with "/".</summary>
    public Uri BaseAddress { get; }

    /// <summary>The absolute URL of <paramref name="path"/> on the target ("/api/orders" or "api/orders").</summary>
    public Uri Url(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseAddress, path.TrimStart('/'));
    }

    /// <summary>A step that GETs <paramref name="path"/>; a status of 400 or more is a failure.</summary>
    public Step Get(string name, string path)
    {
        var url = Url(path);
        return _client.GetStep(name, url);
    }

    /// <summary>A step that GETs the path <paramref name="path"/> returns for each invocation (ids spread over data, say).</summary>
    public Step Get(string name, Func<StepContext, string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Step.Create(name, ctx => GetAsync(path(ctx), ctx.CancellationToken));
    }

    /// <summary>A step that POSTs the JSON <paramref name="body"/> returns for each invocation to <paramref name="path"/>.</summary>
    public Step PostJson(string name, string path, Func<StepContext, object> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var url = Url(path);
        return Step.Create(name, ctx => SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body(ctx)) }, ctx.CancellationToken));
    }

    /// <summary>GETs <paramref name="path"/> and maps the answer to a step result.</summary>
    public ValueTask<StepResult> GetAsync(string path, CancellationToken cancellationToken) =>
        _client.GetAsync(Url(path), cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> (disposed here; a relative URI is resolved against the target)
    /// and maps the answer: the HTTP status, "Timeout", or the transport error's name.
    /// </summary>
    public ValueTask<StepResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = Url(relative.OriginalString);
        }

        return _client.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (a relative URI is resolved against the target) on the same pool
    /// and guard, and returns the response for the caller to read and dispose: for set-up calls such as a login.
    /// </summary>
    public Task<HttpResponseMessage> RequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = Url(relative.OriginalString);
        }

        return _client.RequestAsync(request, cancellationToken);
    }
}
