using System.Net;
using System.Net.Http.Json;
using Growth.Dashboard.Application.Forecast;
using Growth.Dashboard.Application.Records;
using Growth.Domain.Journeys;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The record lists over HTTP on the forecast tests' simulated workspace: a deal is found by its customer's name, the
/// open deals are the Pipeline's open deals, pages cover every match once, the CSV has every matching row (not one
/// page), a rep sees their own and a manager their region, and a bad query is refused naming the field.
/// </summary>
[Collection(DashboardCollection.Name)]
public class RecordsApiTests(DashboardHost host)
{
    const string Workspace = ForecastTests.Workspace;

    static string Api(string query) => $"/api/workspaces/{Workspace}/records{query}";

    static async Task<RecordListAnswer> PageAsync(HttpClient http, string query) => (await http.GetFromJsonAsync<RecordListAnswer>(Api(query), ForecastTests.Json))!;

    [Fact]
    public async Task A_deal_is_found_by_its_customers_name_pages_cover_every_match_and_the_csv_has_every_row()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var report = (await host.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast?runs=100", ForecastTests.Json))!.Report;

        // The open deals: the same journeys the Pipeline lists, read from the shards' rows instead of the journeys.
        var open = await PageAsync(host.Http, "?kind=deals&status=Prospect&sort=value&size=40");
        Assert.Equal(report.OpenDeals.Count, open.Total);
        var seen = Enumerable.Range(1, open.Pages).SelectMany(p => PageAsync(host.Http, $"?kind=deals&status=Prospect&sort=value&size=40&page={p}").Result.Rows).ToList();
        Assert.Equal(report.OpenDeals.Select(d => d.JourneyId).Order(), seen.Select(r => r.JourneyId).Order());
        Assert.Equal(seen.Select(r => r.Value).OrderDescending(), seen.Select(r => r.Value));

        // Found by part of the customer's name, in any case: the row opens the customer's timeline.
        var target = seen[0];
        Assert.False(string.IsNullOrWhiteSpace(target.Name), $"deal {target.JourneyId} has no customer name");
        var found = await PageAsync(host.Http, $"?kind=deals&q={Uri.EscapeDataString(target.Name.ToLowerInvariant())}");
        Assert.Contains(found.Rows, r => r.JourneyId == target.JourneyId);
        using (var timeline = await host.Http.GetAsync($"/api/workspaces/{Workspace}/journeys/{target.JourneyId}"))
            Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);

        // The CSV of a filter holds every matching lead, beyond any page, in the list's order.
        var leads = await PageAsync(host.Http, "?kind=leads&sort=name&desc=false&size=5");
        Assert.True(leads.Total > 5, $"{leads.Total} leads");
        var csv = await host.Http.GetStringAsync(Api(".csv?kind=leads&sort=name&desc=false"));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RecordsCsv.Header, lines[0]);
        Assert.Equal(leads.Total, lines.Length - 1);
        Assert.Equal(leads.Rows.Select(r => r.JourneyId), lines.Skip(1).Take(5).Select(l => l.Split(',')[0]));

        // A rep sees their own deals only; a manager their region's.
        var rep = report.OpenDeals.GroupBy(d => d.RepId).OrderByDescending(g => g.Count()).First().Key!;
        var repSession = await host.SignInAsAsync($"{Workspace}:Rep:{rep}");
        var theirs = await PageAsync(repSession.Http, "?kind=deals&status=Prospect&size=500");
        Assert.Equal(report.OpenDeals.Count(d => d.RepId == rep), theirs.Total);
        Assert.All(theirs.Rows, r => Assert.Equal(rep, r.RepId));
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1");
        var region = await PageAsync(manager.Http, "?kind=deals&status=Prospect&size=500");
        Assert.Equal(report.OpenDeals.Count(d => d.RegionId == "region-1"), region.Total);

        using var bad = await host.Http.GetAsync(Api("?kind=deals&stage=Nowhere"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("stage 'Nowhere' must be one of CampaignTouch", await bad.Content.ReadAsStringAsync());
        Assert.Equal(JourneyStatus.Prospect, open.Rows[0].Status);
    }
}
