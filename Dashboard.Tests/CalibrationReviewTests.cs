using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Growth.Grains.Figures;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The calibration review over real HTTP: the imported Maven history beside the model calibrated on it, over the same
/// span, each tolerance met or missed; fitted and assumed parameters side by side; an unknown history is a 404.
/// </summary>
[Collection(DashboardCollection.Name)]
public class CalibrationReviewTests(DashboardHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task The_maven_history_beside_its_calibrated_simulation_shows_each_tolerance_met_or_missed()
    {
        const string ws = "calibration-review";
        Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsync($"/api/workspaces/{ws}/imports", ImportSample.MavenUpload())).StatusCode);

        var review = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/calibration")).RootElement;
        Assert.Equal((8800, 4238, 2473), (review.GetProperty("leads").GetInt32(), review.GetProperty("won").GetInt32(), review.GetProperty("lost").GetInt32()));
        var checks = review.GetProperty("comparison").GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("figure").GetString()! + c.GetProperty("group").GetString(), c => c);
        Assert.Equal(["averageDeal", "cycleDays", "leadToDeal", "winRate"], checks.Keys.Order());
        // The history's side is the file's: won ÷ closed, mean won value, won per lead.
        var won = ImportSample.Deals.Where(d => d.Stage == "Won").ToArray();
        Assert.Equal(4238.0 / (4238 + 2473), checks["winRate"].GetProperty("history").GetDouble(), 12);
        Assert.Equal((double)won.Average(d => d.Value), checks["averageDeal"].GetProperty("history").GetDouble(), 6);
        Assert.Equal(4238.0 / 8800, checks["leadToDeal"].GetProperty("history").GetDouble(), 12);
        // Seeded, so the same on every run: win rate, average deal and cycle within tolerance.
        foreach (var figure in new[] { "winRate", "averageDeal", "cycleDays", "leadToDeal" }) Assert.True(checks[figure].GetProperty("met").GetBoolean(), figure);
        Assert.True(review.GetProperty("comparison").GetProperty("allMet").GetBoolean());

        var parameters = review.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Contains(parameters, p => p.GetProperty("key").GetString() == "winRate" && p.GetProperty("fitted").GetBoolean());
        Assert.Contains(parameters, p => p.GetProperty("key").GetString() == "churnSatisfaction" && !p.GetProperty("fitted").GetBoolean());
    }

    [Fact]
    public async Task A_review_is_answered_from_the_kept_fit_until_the_history_changes()
    {
        const string ws = "calibration-kept";
        Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsync($"/api/workspaces/{ws}/imports", ImportSample.MavenUpload())).StatusCode);
        var clock = Stopwatch.StartNew();
        var first = await host.Http.GetStringAsync($"/api/workspaces/{ws}/calibration");
        var fresh = clock.Elapsed;
        clock.Restart();
        var again = await host.Http.GetStringAsync($"/api/workspaces/{ws}/calibration");
        output.WriteLine($"review of the Maven sample: {fresh.TotalMilliseconds:0} ms fitted, {clock.Elapsed.TotalMilliseconds:0} ms kept");
        Assert.Equal(first, again);

        // A new lead in the history: the next review is fitted afresh and counts it.
        var body = "[{\"journeyId\":\"kept-new\",\"id\":\"kept-new-created\",\"kind\":\"LeadCreated\",\"at\":\"2017-12-30T09:00:00Z\"}]";
        var ingested = await host.Http.PostAsync($"/api/workspaces/{ws}/events", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ingested.StatusCode);
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        var after = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/calibration")).RootElement;
        Assert.Equal(8801, after.GetProperty("leads").GetInt32());
    }

    [Fact]
    public async Task An_unknown_history_is_a_404_naming_it()
    {
        var response = await host.Http.GetAsync("/api/workspaces/no-such-history/calibration");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-history", await response.Content.ReadAsStringAsync());
    }
}
