using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// An HTTP server on 127.0.0.1 made of a bare <see cref="TcpListener"/>, for the faults Kestrel will not commit: a
/// Content-Length that lies, a connection reset in the middle of a body, headers that trickle in a byte at a time.
/// Each connection's request head is read, then <c>respond</c> writes whatever it likes to the socket. Every
/// response is bounded in time by the server itself (<see cref="Lifetime"/>), so nothing runs on after a test.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(Lifetime);
    private readonly Task _accepting;

    public RawHttpServer(Func<string, Socket, CancellationToken, Task> respond)
    {
        _listener.Start();
        _accepting = AcceptAsync(respond);
    }

    public string Url(string path = "/") => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    private async Task AcceptAsync(Func<string, Socket, CancellationToken, Task> respond)
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                connections.Add(Task.Run(async () =>
                {
                    using (socket)
                    {
                        try
                        {
                            var method = await ReadRequestHeadAsync(socket, _stop.Token);
                            await respond(method, socket, _stop.Token);
                        }
                        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
                        {
                            // The client gave up (as it should) or the server's lifetime ended.
                        }
                    }
                }));
            }
        }
        catch (OperationCanceledException) { }
        await Task.WhenAll(connections);
    }

    /// <summary>Reads up to the blank line that ends the request head; returns the method.</summary>
    private static async Task<string> ReadRequestHeadAsync(Socket socket, CancellationToken ct)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await socket.ReceiveAsync(one, ct) == 0) break;
            head.Append((char)one[0]);
        }
        var text = head.ToString();
        int space = text.IndexOf(' ');
        return space > 0 ? text[..space] : "";
    }

    public static Task SendAsync(Socket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.ASCII.GetBytes(text), ct).AsTask();

    /// <summary>Drops the connection with a TCP reset rather than a clean close.</summary>
    public static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (ObjectDisposedException) { }
        _stop.Dispose();
    }
}
