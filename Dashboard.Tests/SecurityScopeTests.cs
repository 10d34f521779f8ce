using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.SignalR.Client;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A sales manager, a rep and a marketer receive only their part of a workspace, from the API and from the live feed:
/// other regions' rows never leave the server.
/// </summary>
[Collection(DashboardCollection.Name)]
public class SecurityScopeTests(DashboardHost host)
{
    const string Workspace = "scoped";
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    async Task<ISimulationGrain> WorkspaceAsync()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        var status = await sim.CreateAsync(new SimulationSettings { Seed = 21, Regions = 3, TeamsPerRegion = 2, RepsPerTeam = 2, Campaigns = 2, ExistingCustomers = 10 });
        if (status.SimulatedNow - status.Start < TimeSpan.FromDays(20)) await sim.RunForAsync(TimeSpan.FromDays(20));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
        return sim;
    }

    static IEnumerable<(string Id, string? Parent)> Rows(JsonElement snapshot, string kind) =>
        snapshot.GetProperty(kind).EnumerateArray().Select(r => (r.GetProperty("id").GetString()!, r.TryGetProperty("parentId", out var p) ? p.GetString() : null));

    static void OnlyRegion1(JsonElement s)
    {
        Assert.Equal(["region-1"], Rows(s, "regions").Select(r => r.Id));
        Assert.Equal(["team-1-1", "team-1-2"], Rows(s, "teams").Select(r => r.Id).Order());
        Assert.Equal(["rep-1-1-1", "rep-1-1-2", "rep-1-2-1", "rep-1-2-2"], Rows(s, "reps").Select(r => r.Id).Order());
        Assert.Empty(s.GetProperty("campaigns").EnumerateArray());
        Assert.All(s.GetProperty("recentLosses").EnumerateArray(), l => Assert.Equal("region-1", l.GetProperty("regionId").GetString()));
        Assert.DoesNotContain("region-2", s.GetRawText());
        Assert.DoesNotContain("rep-3-", s.GetRawText());
    }

    [Fact]
    public async Task A_sales_manager_s_api_and_live_snapshots_hold_only_their_region()
    {
        var sim = await WorkspaceAsync();
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1");

        var full = await host.Admin!.Http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Workspace}/snapshot");
        Assert.Equal(3, Rows(full, "regions").Count());
        var mine = await manager.Http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Workspace}/snapshot");
        OnlyRegion1(mine);
        // Their totals are their region's, not the company's.
        var region1 = full.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "region-1");
        Assert.Equal(region1.GetProperty("won").GetInt64(), mine.GetProperty("deals").GetProperty("won").GetInt64());

        // The live feed: what Subscribe returns and every pushed snapshot.
        var received = new ConcurrentQueue<JsonElement>();
        var pushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = host.HubConnection(manager);
        connection.On<JsonElement>("snapshot", s => { received.Enqueue(s.Clone()); pushed.TrySetResult(); });
        var notables = 0;
        connection.On<string, JsonElement>("notable", (_, _) => Interlocked.Increment(ref notables));
        await connection.StartAsync();
        OnlyRegion1((await connection.InvokeAsync<JsonElement?>("Subscribe", Workspace))!.Value);
        await sim.RunForAsync(TimeSpan.FromDays(3));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
        try { await pushed.Task.WaitAsync(Deadline); }
        catch (TimeoutException) { throw new TimeoutException($"no live snapshot of {Workspace} reached the sales manager within {Deadline}"); }
        Assert.All(received, OnlyRegion1);
        Assert.Equal(0, notables);
    }

    [Fact]
    public async Task A_rep_sees_their_own_row_and_journeys_and_a_marketer_campaigns_but_no_sales_rows()
    {
        await WorkspaceAsync();
        var rep = await host.SignInAsAsync($"{Workspace}:Rep:rep-2-1-2");
        var s = await rep.Http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Workspace}/snapshot");
        Assert.Empty(Rows(s, "regions"));
        Assert.Empty(Rows(s, "teams"));
        Assert.Equal(["rep-2-1-2"], Rows(s, "reps").Select(r => r.Id));
        Assert.Empty(s.GetProperty("campaigns").EnumerateArray());
        Assert.Equal(0m, s.GetProperty("receivables").GetProperty("outstanding").GetDecimal());

        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Workspace, i)).StatesAsync()))).SelectMany(x => x).ToList();
        var own = states.First(j => j.RepId == "rep-2-1-2").Id;
        var other = states.First(j => j.RepId is not null && j.RepId != "rep-2-1-2").Id;
        Assert.Equal(HttpStatusCode.OK, (await rep.Http.GetAsync($"/api/workspaces/{Workspace}/journeys/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Http.GetAsync($"/api/workspaces/{Workspace}/journeys/{other}")).StatusCode);

        var marketer = await host.SignInAsAsync($"{Workspace}:Marketing");
        var m = await marketer.Http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Workspace}/snapshot");
        Assert.NotEmpty(m.GetProperty("campaigns").EnumerateArray());
        Assert.NotEmpty(m.GetProperty("funnel").EnumerateArray());
        Assert.Empty(Rows(m, "reps"));
        Assert.Empty(Rows(m, "teams"));
        Assert.Equal(0m, m.GetProperty("revenue").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Changed_grants_apply_on_the_next_request_and_a_deleted_user_is_signed_out()
    {
        await WorkspaceAsync();
        var user = await host.SignInAsAsync($"{Workspace}:Rep:rep-1-1-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync($"/api/workspaces/{Workspace}/history")).StatusCode);
        (await host.Admin!.Http.PutAsJsonAsync($"/api/admin/users/{user.UserName}/grants", new[] { $"{Workspace}:Leadership" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync($"/api/workspaces/{Workspace}/history")).StatusCode);
        (await host.Admin.Http.DeleteAsync($"/api/admin/users/{user.UserName}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync($"/api/workspaces/{Workspace}/history")).StatusCode);
    }
}
