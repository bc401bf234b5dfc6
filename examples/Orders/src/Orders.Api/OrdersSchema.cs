using Npgsql;

namespace Orders.Api;

/// <summary>The orders table, created at start, and a seed of orders so reads have data.</summary>
public sealed class OrdersSchema(NpgsqlDataSource database, OrdersOptions options, ILogger<OrdersSchema> log)
{
    private static readonly string[] Customers = ["ada", "grace", "linus", "barbara", "ken", "margaret", "dennis"];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS orders (
                id bigserial PRIMARY KEY,
                customer text NOT NULL,
                total numeric(12,2) NOT NULL CHECK (total >= 0),
                status text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer);
            """, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM orders", connection);
        if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0 || options.SeedOrders <= 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync("COPY orders (customer, total, status) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < options.SeedOrders; i++)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(Customers[i % Customers.Length], cancellationToken);
            await writer.WriteAsync(Math.Round(10m + (i * 7.31m % 990m), 2), cancellationToken);
            await writer.WriteAsync("paid", cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        log.LogInformation("Seeded {Orders} orders", options.SeedOrders);
    }
}
