using Orders.Api;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOrdersApi(builder.Configuration);

var app = builder.Build();
await app.Services.GetRequiredService<OrdersSchema>().EnsureAsync(app.Lifetime.ApplicationStopping);
app.MapOrdersApi();
app.Run();

/// <summary>The entry point, public so tests can host the app in-process (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
