using System.Text;
using Microsoft.AspNetCore.Http;

namespace PerfTests.Containers.Faults;

/// <summary>
/// Runs inside WireMock.Net's ASP.NET Core pipeline, ahead of its stub mappings: faults then apply to
/// every stub (ours and those a test adds), delays are async (no thread blocked per request) and a
/// real connection abort is possible, which WireMock's own response builders cannot do.
/// </summary>
internal static class FaultMiddleware
{
    internal static async Task InvokeAsync(HttpContext context, Func<Task> next, FaultInjector injector)
    {
        // The admin API must stay reachable whatever the faults, or a test could not inspect the stub.
        if (context.Request.Path.StartsWithSegments("/__admin", StringComparison.OrdinalIgnoreCase))
        {
            await next().ConfigureAwait(false);
            return;
        }

        var decision = injector.Decide();
        if (decision.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(decision.Delay, injector.TimeProvider, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (its timeout fired): nothing left to answer
            }
        }

        switch (decision.Action?.Kind)
        {
            case FaultKind.ErrorStatus:
                context.Response.StatusCode = decision.Action.StatusCode;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    $$"""{"error":"injected fault","status":{{decision.Action.StatusCode}}}""",
                    context.RequestAborted).ConfigureAwait(false);
                return;
            case FaultKind.ConnectionReset:
                context.Abort();
                return;
            case FaultKind.EmptyResponse:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 0;
                return;
            case FaultKind.MalformedBody:
                var body = Encoding.UTF8.GetBytes("""{"symbol":"ERR","price":12""");
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
                return;
            default:
                await next().ConfigureAwait(false);
                return;
        }
    }
}
