using System.Net;
using System.Text;
using Npgsql;

namespace Orders.Api;

/// <summary>The service's endpoints and the services behind them.</summary>
public static class OrdersApi
{
    public static IServiceCollection AddOrdersApi(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new OrdersOptions
        {
            PaymentsBaseUrl = configuration.GetValue<Uri>("Payments:BaseUrl") ?? new Uri("http://127.0.0.1:9/"),
        };
        configuration.GetSection("Orders").Bind(options);
        var connectionString = configuration.GetConnectionString("Orders")
            ?? throw new InvalidOperationException("ConnectionStrings:Orders is not set: the orders service needs its PostgreSQL database.");
        services.AddSingleton(options);
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<OrdersSchema>();
        services.AddSingleton<OrdersStore>();
        services.AddHttpClient<PaymentsClient>(http =>
        {
            http.BaseAddress = options.PaymentsBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(2);
        });
        return services;
    }

    public static WebApplication MapOrdersApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<OrdersOptions>();
        app.Use(async (context, next) =>
        {
            if (options.SlowdownMs > 0 && context.Request.Path.StartsWithSegments("/api"))
            {
                await Task.Delay(options.SlowdownMs, context.RequestAborted);
            }

            await next(context);
        });

        app.MapGet("/health", async (NpgsqlDataSource database, CancellationToken ct) =>
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return Results.Ok("healthy");
        });
        app.MapGet("/api/orders", async (OrdersStore store, int? page, int? size, CancellationToken ct) =>
            Results.Ok(await store.PageAsync(Math.Max(1, page ?? 1), Math.Clamp(size ?? 20, 1, 100), ct)));
        app.MapGet("/api/orders/{id:long}", async (OrdersStore store, long id, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } order ? Results.Ok(order) : Results.NotFound());
        app.MapPost("/api/orders", async (OrdersStore store, PaymentsClient payments, NewOrder order, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(order.Customer) || order.Total <= 0)
            {
                return Results.BadRequest("customer and a positive total are required");
            }

            // The order is recorded whatever the provider says; a declined or failed charge is visible in its status.
            var paid = await payments.ChargeAsync(order.Customer, order.Total, ct);
            var created = await store.AddAsync(order.Customer, order.Total, paid ? "paid" : "payment-failed", ct);
            return paid ? Results.Created($"/api/orders/{created.Id}", created) : Results.Json(created, statusCode: (int)HttpStatusCode.BadGateway);
        });
        app.MapGet("/", async (OrdersStore store, CancellationToken ct) => Results.Content(Page(await store.PageAsync(1, 50, ct)), "text/html"));
        return app;
    }

    /// <summary>A small page of recent orders: what the web vitals test measures.</summary>
    private static string Page(IReadOnlyList<Order> orders)
    {
        var rows = new StringBuilder();
        foreach (var order in orders)
        {
            rows.Append("<tr><td>").Append(order.Id).Append("</td><td>").Append(WebUtility.HtmlEncode(order.Customer))
                .Append("</td><td>").Append(order.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(order.Status).Append("</td></tr>");
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Orders</title>
            <style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd}</style>
            </head><body><h1>Recent orders</h1>
            <table id="orders"><thead><tr><th>#</th><th>customer</th><th>total</th><th>status</th></tr></thead><tbody>{{rows}}</tbody></table>
            </body></html>
            """;
    }

    /// <summary>The body of POST /api/orders.</summary>
    public sealed record NewOrder(string Customer, decimal Total);
}
