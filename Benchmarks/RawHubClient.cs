using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Growth.Benchmarks;

/// <summary>
/// A fan-out client that speaks SignalR's JSON protocol over a bare WebSocket: the handshake, one <c>Subscribe</c>
/// invocation, pings, and for each <c>snapshot</c> message only its top-level <c>journeys</c> figure, found in the bytes
/// without building the message. The .NET hub client parsed every 8.5 KB snapshot through its pipes and JSON reader:
/// with 5,000 of them on this 2-core machine the clients' process took about 1 s of CPU per update, more than the
/// server, so the delivery delay measured mostly the clients' own queue. This one measures when the bytes arrive.
/// </summary>
sealed class RawHubClient(Action<long> onSnapshot) : IAsyncDisposable
{
    const byte Separator = 0x1e;
    static readonly byte[] SnapshotTarget = "\"target\":\"snapshot\""u8.ToArray();
    static readonly byte[] JourneysKey = "\"journeys\":"u8.ToArray();
    static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    readonly ClientWebSocket socket = new();
    readonly ArrayBufferWriter<byte> pending = new(16 * 1024);
    Task receiving = Task.CompletedTask;

    /// <summary>Connects, shakes hands, subscribes to <paramref name="workspace"/>; throws what the server refused.</summary>
    public async Task StartAsync(Uri hub, string cookies, string workspace, CancellationToken ct)
    {
        socket.Options.SetRequestHeader("Cookie", cookies);
        await socket.ConnectAsync(new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri, ct);
        await SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), ct);
        var handshake = await ReceiveRecordAsync(ct);
        if (handshake != "{}") throw new InvalidOperationException($"the hub refused the handshake: {handshake}");
        await SendAsync(Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[\"{workspace}\"]}}\u001e"), ct);
        // Skip pings and early snapshots until Subscribe's completion (type 3); an "error" in it is a refusal.
        string record;
        while (!(record = await ReceiveRecordAsync(ct)).StartsWith("{\"type\":3,"))
            if (record.Length == 0) throw new InvalidOperationException("the hub closed the connection before Subscribe completed");
        if (record.Contains("\"error\":")) throw new InvalidOperationException($"the hub refused Subscribe: {record}");
        receiving = ReceiveLoopAsync();
    }

    /// <summary>SignalR's keep-alive: the server drops a client it has not heard from for 30 s.</summary>
    public Task PingAsync(CancellationToken ct) => ReferenceEquals(receiving, Task.CompletedTask) ? Task.CompletedTask : socket.State == WebSocketState.Open ? SendAsync(Ping, ct) : Task.CompletedTask;

    Task SendAsync(byte[] bytes, CancellationToken ct) => socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct);

    // One whole record (up to the separator) as text, during the handshake and the subscription only.
    async Task<string> ReceiveRecordAsync(CancellationToken ct)
    {
        while (true)
        {
            var index = pending.WrittenSpan.IndexOf(Separator);
            if (index >= 0)
            {
                var text = Encoding.UTF8.GetString(pending.WrittenSpan[..index]);
                Consume(index + 1);
                return text;
            }
            var result = await socket.ReceiveAsync(pending.GetMemory(8 * 1024), ct);
            if (result.MessageType == WebSocketMessageType.Close) return "";
            pending.Advance(result.Count);
        }
    }

    async Task ReceiveLoopAsync()
    {
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(pending.GetMemory(16 * 1024), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
                pending.Advance(result.Count);
                var consumed = 0;
                var span = pending.WrittenSpan;
                for (int end; (end = span[consumed..].IndexOf(Separator)) >= 0; consumed += end + 1)
                    if (Journeys(span.Slice(consumed, end)) is { } journeys) onSnapshot(journeys);
                Consume(consumed);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    /// <summary>The snapshot's top-level journey count: its "journeys" key is the only one of that name in a snapshot.</summary>
    static long? Journeys(ReadOnlySpan<byte> record)
    {
        if (record.IndexOf(SnapshotTarget) < 0) return null;
        var at = record.IndexOf(JourneysKey);
        return at >= 0 && Utf8Parser.TryParse(record[(at + JourneysKey.Length)..], out long value, out _) ? value : null;
    }

    void Consume(int count)
    {
        if (count == 0) return;
        var rest = pending.WrittenSpan[count..].ToArray();
        pending.ResetWrittenCount();
        rest.CopyTo(pending.GetSpan(rest.Length));
        pending.Advance(rest.Length);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            await receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException) { }
        socket.Dispose();
    }
}
