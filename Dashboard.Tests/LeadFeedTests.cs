using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.Json;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Workspaces;
using Growth.LeadFeed;

namespace Growth.Dashboard.Tests;

/// <summary>The lead feed tool's flow, posted to the real host over HTTP: every event is taken and the figures follow.</summary>
[Collection(DashboardCollection.Name)]
public class LeadFeedTests(DashboardHost host)
{
    static readonly DateTimeOffset Start = new(2026, 4, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_feed_s_events_are_all_accepted_and_reach_the_snapshot()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        json.Converters.Add(new JsonStringEnumConverter());
        var flow = new LeadFlow(3, Start, budgetScale: 0.3);
        var journeys = new HashSet<string>();
        for (var day = 0; day < 30; day++)
        {
            var events = flow.Next(TimeSpan.FromDays(1));
            foreach (var e in events) journeys.Add(e.JourneyId!);
            using var response = await host.Http.PostAsJsonAsync("/api/workspaces/feed/events", events, json);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            Assert.Equal(events.Count, body.GetProperty("accepted").GetInt32());
        }
        var snapshot = await host.Grains.GetGrain<IWorkspaceStatisticsGrain>("feed").RefreshAsync();
        Assert.Equal(journeys.Count, snapshot!.Journeys);
        Assert.True(snapshot.Deals.Won > 0 && snapshot.Deals.Lost > 0, $"won {snapshot.Deals.Won}, lost {snapshot.Deals.Lost}");
        Assert.Contains(await host.Grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync(), w => w is { Name: "feed", Kind: WorkspaceKind.Live });
    }

    [Fact]
    public void The_same_seed_gives_the_same_flow()
    {
        var a = new LeadFlow(9, Start);
        var b = new LeadFlow(9, Start);
        for (var i = 0; i < 5; i++) Assert.Equal(a.Next(TimeSpan.FromHours(12)), b.Next(TimeSpan.FromHours(12)));
    }
}
