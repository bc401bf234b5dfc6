using System.Net.Http.Json;

namespace Orders.Api;

/// <summary>The payment provider, an external service: POST /payments charges an order.</summary>
public sealed class PaymentsClient(HttpClient http)
{
    /// <summary>True when the provider accepted the charge; false when it declined or failed.</summary>
    public async Task<bool> ChargeAsync(string customer, decimal amount, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("payments", new { customer, amount }, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // the provider did not answer within the client's timeout
        }
    }
}
