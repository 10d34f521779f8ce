using System.Collections.Concurrent;
using System.Text.Json;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;

namespace Growth.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class HubTests(DashboardHost host)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>A hub client that records every snapshot it receives.</summary>
    sealed class Listener : IAsyncDisposable
    {
        public HubConnection Connection { get; }
        public ConcurrentQueue<(string Workspace, long Version, long Journeys)> Received { get; } = new();
        readonly List<(Func<string, long, bool> Condition, TaskCompletionSource Done)> waiters = [];

        public Listener(HubConnection connection)
        {
            Connection = connection;
            Connection.On<JsonElement>("snapshot", s =>
            {
                var workspace = s.GetProperty("workspace").GetString()!;
                var version = s.GetProperty("version").GetInt64();
                Received.Enqueue((workspace, version, s.GetProperty("journeys").GetInt64()));
                lock (waiters)
                    foreach (var (condition, done) in waiters)
                        if (condition(workspace, version)) done.TrySetResult();
            });
        }

        /// <summary>Completes when a snapshot of <paramref name="workspace"/> newer than <paramref name="after"/> arrives.</summary>
        public async Task WaitFor(string workspace, long after = 0)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (waiters) waiters.Add(((w, v) => w == workspace && v > after, done));
            if (Received.Any(r => r.Workspace == workspace && r.Version > after)) done.TrySetResult();
            try { await done.Task.WaitAsync(Deadline); }
            catch (TimeoutException) { throw new TimeoutException($"no snapshot of {workspace} newer than version {after} within {Deadline}"); }
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    async Task<Listener> ConnectAsync(params string[] workspaces)
    {
        // As the administrator: these workspaces are not the public demo.
        var listener = new Listener(host.HubConnection(host.Admin));
        await listener.Connection.StartAsync();
        foreach (var w in workspaces) await listener.Connection.InvokeAsync<JsonElement?>("Subscribe", w);
        return listener;
    }

    async Task<long> AdvanceAsync(string workspace, ulong seed, int days)
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(workspace);
        await sim.CreateAsync(new SimulationSettings { Seed = seed, Regions = 1, TeamsPerRegion = 1, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 5 });
        await sim.RunForAsync(TimeSpan.FromDays(days));
        var snapshot = await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        return snapshot!.Version;
    }

    [Fact]
    public async Task A_client_gets_only_the_snapshots_of_the_workspace_it_subscribed_to()
    {
        await using var a = await ConnectAsync("hub-a");
        await using var b = await ConnectAsync("hub-b");

        var versionA = await AdvanceAsync("hub-a", 1, 5);
        var versionB = await AdvanceAsync("hub-b", 2, 5);
        await a.WaitFor("hub-a", versionA - 1);
        await b.WaitFor("hub-b", versionB - 1);

        Assert.All(a.Received, r => Assert.Equal("hub-a", r.Workspace));
        Assert.All(b.Received, r => Assert.Equal("hub-b", r.Workspace));
        Assert.Contains(a.Received, r => r.Journeys > 0);
    }

    [Fact]
    public async Task Unsubscribing_stops_the_snapshots()
    {
        await using var control = await ConnectAsync("unsub-a");
        await using var client = await ConnectAsync("unsub-a", "unsub-b");
        var first = await AdvanceAsync("unsub-a", 3, 3);
        await client.WaitFor("unsub-a", first - 1);

        await client.Connection.InvokeAsync("Unsubscribe", "unsub-a");
        var afterUnsubscribe = await AdvanceAsync("unsub-a", 3, 3);
        await control.WaitFor("unsub-a", afterUnsubscribe - 1);
        // Updates of one host reach its clients in order: once B's later update arrives, A's would have too.
        var versionB = await AdvanceAsync("unsub-b", 4, 3);
        await client.WaitFor("unsub-b", versionB - 1);

        Assert.DoesNotContain(client.Received, r => r.Workspace == "unsub-a" && r.Version >= afterUnsubscribe);
    }

    [Fact]
    public async Task Subscribing_returns_the_current_snapshot_and_a_bad_name_is_refused()
    {
        await AdvanceAsync("hub-now", 5, 2);
        await using var client = await ConnectAsync();
        var current = await client.Connection.InvokeAsync<JsonElement?>("Subscribe", "hub-now");
        Assert.Equal("hub-now", current!.Value.GetProperty("workspace").GetString());
        var refused = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<JsonElement?>("Subscribe", "Not A Name"));
        Assert.Contains("Not A Name", refused.Message);
    }
}
