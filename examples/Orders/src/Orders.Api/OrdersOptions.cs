namespace Orders.Api;

/// <summary>Settings of the orders service (section "Orders").</summary>
public sealed class OrdersOptions
{
    /// <summary>Orders created at start when the table is empty; default 1000.</summary>
    public int SeedOrders { get; set; } = 1000;

    /// <summary>Added to every /api request, in milliseconds: the deliberate slowdown a budget must catch. Default 0.</summary>
    public int SlowdownMs { get; set; }

    /// <summary>Base URL of the payment provider (section "Payments:BaseUrl").</summary>
    public Uri PaymentsBaseUrl { get; set; } = new("http://127.0.0.1:9/");
}
