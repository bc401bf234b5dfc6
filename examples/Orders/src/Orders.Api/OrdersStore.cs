using Npgsql;

namespace Orders.Api;

/// <summary>An order as the API returns it.</summary>
public sealed record Order(long Id, string Customer, decimal Total, string Status, DateTimeOffset CreatedAt);

/// <summary>Reads and writes orders in PostgreSQL.</summary>
public sealed class OrdersStore(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<Order>> PageAsync(int page, int size, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT id, customer, total, status, created_at FROM orders ORDER BY id DESC LIMIT $1 OFFSET $2");
        command.Parameters.AddWithValue(size);
        command.Parameters.AddWithValue((page - 1) * size);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Order?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT id, customer, total, status, created_at FROM orders WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<Order> AddAsync(string customer, decimal total, string status, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO orders (customer, total, status) VALUES ($1, $2, $3) RETURNING id, customer, total, status, created_at");
        command.Parameters.AddWithValue(customer);
        command.Parameters.AddWithValue(total);
        command.Parameters.AddWithValue(status);
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    private static async Task<IReadOnlyList<Order>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var orders = new List<Order>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new Order(reader.GetInt64(0), reader.GetString(1), reader.GetDecimal(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return orders;
    }
}
