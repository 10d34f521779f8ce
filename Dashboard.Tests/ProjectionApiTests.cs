using System.Net;
using System.Text.Json;
using System.Text;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;

namespace Growth.Dashboard.Tests;

/// <summary>What-if over real HTTP: projections as JSON and CSV, saved scenarios, clear 400s, and no workspace changed.</summary>
[Collection(DashboardCollection.Name)]
public class ProjectionApiTests(DashboardHost host)
{
    HttpClient Http => host.Http;

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    async Task<string> Figures()
    {
        var s = await host.Grains.GetGrain<IWorkspaceStatisticsGrain>("demo").RefreshAsync();
        return JsonSerializer.Serialize(s! with { Version = 0 });
    }

    [Fact]
    public async Task A_projection_answers_with_bands_odds_costs_and_sensitivity_and_changes_no_workspace()
    {
        await host.Grains.GetGrain<ISimulationGrain>("demo").RunForAsync(TimeSpan.FromDays(3));
        var before = await Figures();
        var status = await host.Grains.GetGrain<ISimulationGrain>("demo").GetStatusAsync();

        var r = await Json(await Http.PostAsync("/api/workspaces/demo/projections", Body("""
            { "weeks": 8, "paths": 300, "seed": 3, "targets": { "revenue": 2000000 }, "sensitivity": true,
              "levers": { "incentive": { "commissionRate": 0.10 }, "hires": [ { "week": 2, "count": 10 } ],
                          "budgetScale": { "Ads": 1.5 }, "firstContactSlaHours": 2, "discount": 0.05, "productQuality": 0.8 } }
            """)), HttpStatusCode.OK);

        Assert.Equal("demo", r.GetProperty("workspace").GetString());
        var c = r.GetProperty("comparison");
        var baseline = c.GetProperty("baseline");
        Assert.Equal(8, baseline.GetProperty("timeline").GetArrayLength());
        Assert.Equal(300, baseline.GetProperty("paths").GetInt32());
        var week = baseline.GetProperty("timeline")[7];
        foreach (var band in new[] { "revenue", "cumulativeRevenue", "cash", "newCustomers", "repurchases" })
            foreach (var q in new[] { "mean", "p10", "p50", "p90" })
                Assert.Equal(JsonValueKind.Number, week.GetProperty(band).GetProperty(q).ValueKind);
        Assert.Equal(2_000_000m, week.GetProperty("cumulativeTarget").GetDecimal());
        var scenario = Assert.Single(c.GetProperty("scenarios").EnumerateArray());
        Assert.Equal("scenario", scenario.GetProperty("name").GetString());
        var odds = scenario.GetProperty("result").GetProperty("company");
        Assert.InRange(odds.GetProperty("probability").GetDouble(), 0, 1);
        Assert.Equal(2_000_000m, odds.GetProperty("target").GetDecimal());
        Assert.True(scenario.GetProperty("result").GetProperty("cost").GetProperty("incentive").GetProperty("mean").GetDouble() > 0);
        Assert.True(scenario.GetProperty("result").GetProperty("cost").GetProperty("hires").GetDecimal() > 0);
        Assert.True(scenario.GetProperty("extraCost").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Number, scenario.GetProperty("roi").ValueKind);
        Assert.Equal(5, scenario.GetProperty("factors").GetArrayLength());
        Assert.Equal(6, c.GetProperty("sensitivity").GetArrayLength());

        // Runs read the workspace and change nothing in it.
        Assert.Equal(before, await Figures());
        Assert.Equal(status, await host.Grains.GetGrain<ISimulationGrain>("demo").GetStatusAsync());
    }

    [Theory]
    [InlineData("""{ "weeks": 0 }""", "weeks")]
    [InlineData("""{ "weeks": 200 }""", "weeks")]
    [InlineData("""{ "paths": 5 }""", "paths")]
    [InlineData("""{ "levers": { "incentive": { "commissionRate": 0.9 } } }""", "commissionRate")]
    [InlineData("""{ "levers": { "hires": [ { "week": 30, "count": 1 } ] } }""", "hires")]
    [InlineData("""{ "levers": { "priceChange": 3 } }""", "priceChange")]
    [InlineData("""{ "levers": { "budgetScale": { "Ads": -1 } } }""", "budgetScale.Ads")]
    [InlineData("""{ "targets": { "regions": { "atlantis": 5 } } }""", "atlantis")]
    [InlineData("""{ "scenarios": [ {"name":"a","levers":{}}, {"name":"b","levers":{}}, {"name":"c","levers":{}}, {"name":"d","levers":{}}, {"name":"e","levers":{}} ] }""", "at most 4")]
    [InlineData("""{ "scenarios": [ {"name":"a","levers":{}}, {"name":"a","levers":{}} ] }""", "twice")]
    [InlineData("""{ "weeks": "many" }""", "could not be read")]
    [InlineData("""{ "levers": { "budgetScale": { "Radio": 2 } } }""", "could not be read")]
    [InlineData("""{ "weeks": 4, """, "could not be read")]
    public async Task Bad_input_is_a_400_naming_what_was_wrong(string json, string expected)
    {
        var response = await Http.PostAsync("/api/workspaces/demo/projections", Body(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Contains(expected, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_large_run_is_spread_over_chunk_grains_and_gives_the_same_answer_as_one_worker()
    {
        const string body = """{ "weeks": 4, "paths": 5000, "seed": 11 }""";
        var spread = await Json(await Http.PostAsync("/api/workspaces/demo/projections", Body(body)), HttpStatusCode.OK);
        var baseline = spread.GetProperty("comparison").GetProperty("baseline");
        Assert.Equal(5000, baseline.GetProperty("paths").GetInt32());
        Assert.Equal(4, baseline.GetProperty("timeline").GetArrayLength());
        var again = await Json(await Http.PostAsync("/api/workspaces/demo/projections", Body(body)), HttpStatusCode.OK);
        Assert.Equal(baseline.GetProperty("revenue").GetRawText(), again.GetProperty("comparison").GetProperty("baseline").GetProperty("revenue").GetRawText());
    }

    [Fact]
    public async Task Unknown_and_badly_named_workspaces_are_refused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync("/api/workspaces/nowhere-at-all/projections", Body("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsync("/api/workspaces/Bad_Name/projections", Body("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync("/api/workspaces/demo/projections", Body("""{ "saved": ["never-saved"] }"""))).StatusCode);
    }

    [Fact]
    public async Task Scenarios_are_saved_per_workspace_compared_by_name_and_exported_as_csv()
    {
        var saved = await Json(await Http.PutAsync("/api/workspaces/demo/scenarios/hire-q2",
            Body("""{ "incentive": { "commissionRate": 0.10 }, "hires": [ { "week": 1, "count": 10 } ] }""")), HttpStatusCode.OK);
        Assert.Contains(saved.EnumerateArray(), s => s.GetProperty("name").GetString() == "hire-q2");
        await Json(await Http.PutAsync("/api/workspaces/demo/scenarios/more-ads", Body("""{ "budgetScale": { "Ads": 2 } }""")), HttpStatusCode.OK);
        var list = await Json(await Http.GetAsync("/api/workspaces/demo/scenarios"), HttpStatusCode.OK);
        Assert.Equal(["hire-q2", "more-ads"], list.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Where(n => n is "hire-q2" or "more-ads"));
        Assert.Equal(10, list.EnumerateArray().First(s => s.GetProperty("name").GetString() == "hire-q2").GetProperty("levers").GetProperty("hires")[0].GetProperty("count").GetInt32());

        var r = await Json(await Http.PostAsync("/api/workspaces/demo/projections",
            Body("""{ "weeks": 6, "paths": 200, "saved": ["hire-q2", "more-ads"] }""")), HttpStatusCode.OK);
        Assert.Equal(["hire-q2", "more-ads"], r.GetProperty("comparison").GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var csv = await Http.PostAsync("/api/workspaces/demo/projections?format=csv", Body("""{ "weeks": 6, "paths": 200, "saved": ["hire-q2", "more-ads"] }"""));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("scenario,revenue_mean", lines[0]);
        Assert.Equal(["baseline", "hire-q2", "more-ads"], lines[1..4].Select(l => l.Split(',')[0]));

        // Saved in another workspace's name? No: scenarios belong to their workspace.
        Assert.DoesNotContain((await Json(await Http.GetAsync("/api/workspaces/other-ws/scenarios"), HttpStatusCode.OK)).EnumerateArray(),
            s => s.GetProperty("name").GetString() == "hire-q2");
        var afterDelete = await Json(await Http.DeleteAsync("/api/workspaces/demo/scenarios/more-ads"), HttpStatusCode.OK);
        Assert.DoesNotContain(afterDelete.EnumerateArray(), s => s.GetProperty("name").GetString() == "more-ads");
        var bad = await Http.PutAsync("/api/workspaces/demo/scenarios/bad", Body("""{ "discount": 0.9 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("discount", await bad.Content.ReadAsStringAsync());
    }
}
