using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// A TCP relay between the app and PostgreSQL that a test can cut: <see cref="Cut"/> drops every open connection and
/// refuses new ones, as a database restart looks from the app's side; <see cref="Restore"/> accepts again.
/// The app and the database stay real; only the wire between them fails.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    public TcpFaultProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        foreach (var (client, server) in _open)
        {
            client.Close();
            server.Close();
        }

        _open.Clear();
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_cut)
            {
                client.Client.LingerState = new LingerOption(true, 0); // a reset, like a closed port
                client.Close();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            _open[client] = server;
            await Task.WhenAny(Pump(client, server), Pump(server, client));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A cut or a closed side ends the relay.
        }
        finally
        {
            _open.TryRemove(client, out _);
            client.Close();
            server.Close();
        }
    }

    private async Task Pump(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16384];
        var input = from.GetStream();
        var output = to.GetStream();
        int read;
        while ((read = await input.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Cut();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
