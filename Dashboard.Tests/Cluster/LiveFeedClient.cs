using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>A browser's view of the live feed: snapshots of one workspace over SignalR.</summary>
internal sealed class LiveFeedClient(Uri hub, string workspace, System.Net.CookieContainer cookies) : IAsyncDisposable
{
    readonly HubConnection connection = new HubConnectionBuilder()
        .WithUrl(hub, o => o.Cookies = cookies)
        .WithAutomaticReconnect()
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
        .Build();
    int received;
    long latestAsOf;
    public int Received => Volatile.Read(ref received);
    public DateTimeOffset LatestAsOf => new(Interlocked.Read(ref latestAsOf), TimeSpan.Zero);

    public async Task StartAsync()
    {
        connection.On<JsonElement>("snapshot", s =>
        {
            if (s.GetProperty("workspace").GetString() != workspace) return;
            var asOf = s.GetProperty("asOf").GetDateTimeOffset().UtcTicks;
            long seen;
            while ((seen = Interlocked.Read(ref latestAsOf)) < asOf && Interlocked.CompareExchange(ref latestAsOf, asOf, seen) != seen) { }
            Interlocked.Increment(ref received);
        });
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement?>("Subscribe", workspace);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
