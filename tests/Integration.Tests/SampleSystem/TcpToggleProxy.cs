using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// A loopback TCP forwarder that can cut a dependency off (close live connections, refuse new ones)
/// and restore it on the same port: a Redis outage without touching the shared Redis.
/// </summary>
internal sealed class TcpToggleProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _live = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private volatile bool _enabled = true;

    public TcpToggleProxy(string host, int port)
    {
        _target = new DnsEndPoint(host, port);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void CutOff()
    {
        _enabled = false;
        foreach (var client in _live.Keys)
        {
            client.Dispose();
        }
    }

    public void Restore() => _enabled = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        CutOff();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (!_enabled)
            {
                inbound.Dispose();
                continue;
            }

            _ = PumpAsync(inbound);
        }
    }

    private async Task PumpAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        _live[inbound] = 0;
        _live[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(_target.Host, _target.Port, _stop.Token).ConfigureAwait(false);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), linked.Token);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), linked.Token);
            await Task.WhenAny(a, b).ConfigureAwait(false);
            await linked.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A cut-off or a closed peer ends the pump; that is the point of this class.
        }
        finally
        {
            _live.TryRemove(inbound, out _);
            _live.TryRemove(outbound, out _);
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
