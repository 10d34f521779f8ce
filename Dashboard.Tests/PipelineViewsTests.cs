using System.Net;
using System.Net.Http.Json;
using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Forecast;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Saved views of the pipeline list: a view saved by one person comes back to them (and to nobody else) and applies
/// to the list as saved; a bad view is refused naming the field, with nothing saved; a deleted view is gone. A team
/// filter (what a chart's bar opens) lists that team's deals only, the CSV all of them.
/// </summary>
[Collection(DashboardCollection.Name)]
public class PipelineViewsTests(DashboardHost host)
{
    const string Workspace = ForecastTests.Workspace;

    static string Api(string path = "") => $"/api/workspaces/{Workspace}/pipeline{path}";

    [Fact]
    public async Task A_saved_view_round_trips_for_its_owner_only_applies_as_saved_and_a_bad_one_is_refused()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var leader = await host.SignInAsAsync($"{Workspace}:Leadership");
        var other = await host.SignInAsAsync($"{Workspace}:Leadership");
        Assert.Empty((await leader.Http.GetFromJsonAsync<List<SavedView>>(Api("/views"), ForecastTests.Json))!);

        using (var saved = await leader.Http.PutAsJsonAsync(Api("/views/Big commits"), new ViewRequest(null, null, "commit", null, "value", true, "team-1-1")))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var views = (await leader.Http.GetFromJsonAsync<List<SavedView>>(Api("/views"), ForecastTests.Json))!;
        var view = Assert.Single(views);
        Assert.Equal(("Big commits", Workspace, "Commit", "value", true, "team-1-1"), (view.Name, view.Workspace, view.Category, view.Sort, view.Descending, view.Team));
        Assert.Empty((await other.Http.GetFromJsonAsync<List<SavedView>>(Api("/views"), ForecastTests.Json))!);

        // Applying it: the list its filters give is the team's commit deals, largest first.
        var (query, _) = view.Query(500);
        var page = (await leader.Http.GetFromJsonAsync<DealPage>(Api($"?team={view.Team}&category={view.Category}&sort={view.Sort}&desc=true&size=500"), ForecastTests.Json))!;
        Assert.NotNull(query);
        Assert.All(page.Deals, d => Assert.Equal(("team-1-1", ForecastCategory.Commit), (d.TeamId!, d.Category)));
        Assert.Equal(page.Deals.Select(d => d.Amount).OrderDescending(), page.Deals.Select(d => d.Amount));

        // Saving the same name again replaces it; a bad category is refused naming it, and nothing changes.
        using (var again = await leader.Http.PutAsJsonAsync(Api("/views/big COMMITS"), new ViewRequest(null, "Topic", null, null, null, null)))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using (var bad = await leader.Http.PutAsJsonAsync(Api("/views/Broken"), new ViewRequest(null, null, "Maybe", null, null, null)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("category 'Maybe' must be one of Pipeline, BestCase, Commit", await bad.Content.ReadAsStringAsync());
        }
        views = (await leader.Http.GetFromJsonAsync<List<SavedView>>(Api("/views"), ForecastTests.Json))!;
        Assert.Equal([("big COMMITS", "Topic", (string?)null)], views.Select(v => (v.Name, v.Step!, v.Category)));

        using (var deleted = await leader.Http.DeleteAsync(Api("/views/Big%20Commits")))
            Assert.Empty((await deleted.Content.ReadFromJsonAsync<List<SavedView>>(ForecastTests.Json))!);
        Assert.Empty((await leader.Http.GetFromJsonAsync<List<SavedView>>(Api("/views"), ForecastTests.Json))!);
    }

    [Fact]
    public async Task A_team_filter_lists_that_teams_open_deals_only_and_its_csv_has_every_one()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var report = (await host.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast?runs=100", ForecastTests.Json))!.Report;
        var team = report.OpenDeals.GroupBy(d => d.TeamId).OrderByDescending(g => g.Count()).First();
        var page = (await host.Http.GetFromJsonAsync<DealPage>(Api($"?team={team.Key}&size=5"), ForecastTests.Json))!;
        Assert.Equal(team.Count(), page.Total);
        Assert.True(page.Total > 5, $"the busiest team has more than a page of 5 ({page.Total})");
        Assert.All(page.Deals, d => Assert.Equal(team.Key, d.TeamId));
        var csv = (await host.Http.GetStringAsync(Api($"/deals.csv?team={team.Key}"))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(team.Select(d => d.JourneyId).Order(), csv.Skip(1).Select(l => l.Split(',')[0]).Order());
    }
}
