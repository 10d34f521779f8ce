using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;

namespace Growth.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class ApiTests(DashboardHost host)
{
    HttpClient Http => host.Http;

    async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static void HasNumbers(JsonElement e, params string[] names)
    {
        foreach (var name in names)
            Assert.True(e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number, $"missing number '{name}' in {e}");
    }

    [Fact]
    public async Task The_demo_snapshot_follows_the_contract()
    {
        await host.Grains.GetGrain<ISimulationGrain>("demo").RunForAsync(TimeSpan.FromDays(20));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>("demo").RefreshAsync();

        var s = await Json(await Http.GetAsync("/api/workspaces/demo/snapshot"), HttpStatusCode.OK);

        Assert.Equal("demo", s.GetProperty("workspace").GetString());
        Assert.True(s.GetProperty("asOf").TryGetDateTimeOffset(out _));
        var funnel = s.GetProperty("funnel").EnumerateArray().ToList();
        Assert.Equal(["CampaignTouch", "Lead", "QualifiedIntent", "FollowUp", "Opportunity", "Contract", "Payment"],
            funnel.Select(f => f.GetProperty("stage").GetString()));
        foreach (var f in funnel) HasNumbers(f, "entered", "current", "conversionToNext");
        HasNumbers(s.GetProperty("deals"), "won", "lost", "open", "winRate", "wonValue", "averageWonValue", "averageDaysToClose");
        HasNumbers(s.GetProperty("revenue"), "total", "effectiveLeads", "leadConversion", "existingCustomers", "repurchaseCount", "averageOrderValue");
        HasNumbers(s.GetProperty("lifecycle"), "acquired", "activated", "retained", "upsold", "referred", "churned");
        HasNumbers(s.GetProperty("receivables"), "collected", "outstanding", "overdue");
        foreach (var group in new[] { "regions", "teams", "reps", "campaigns" })
        {
            var rows = s.GetProperty(group).EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                Assert.False(string.IsNullOrEmpty(row.GetProperty("id").GetString()));
                Assert.False(string.IsNullOrEmpty(row.GetProperty("name").GetString()));
                HasNumbers(row, "won", "lost", "open", "winRate", "wonValue", "averageWonValue", "averageDaysToClose");
            }
        }
        foreach (var c in s.GetProperty("campaigns").EnumerateArray()) HasNumbers(c, "spend", "leads", "effectiveLeads", "roi");
        Assert.Equal(3, s.GetProperty("regions").GetArrayLength());
        Assert.Equal(6, s.GetProperty("teams").GetArrayLength());
        // The demo's 60 seeded reps: on the roster, or (the long run) among the reps who left; hires come on top.
        var seeded = s.GetProperty("reps").EnumerateArray().Concat(s.GetProperty("formerReps").EnumerateArray())
            .Count(r => !r.GetProperty("id").GetString()!.StartsWith("rep-hire-", StringComparison.Ordinal));
        Assert.Equal(60, seeded);
        Assert.True(s.GetProperty("revenue").GetProperty("total").GetDecimal() > 0);
    }

    [Theory]
    [InlineData("/api/workspaces/Bad_Name/snapshot", HttpStatusCode.BadRequest, "Bad_Name")]
    [InlineData("/api/workspaces/nowhere/snapshot", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/api/workspaces/nowhere/simulation/pause", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/api/workspaces/demo/journeys/nobody", HttpStatusCode.NotFound, "nobody")]
    public async Task Unknown_or_invalid_names_get_problem_details_that_name_them(string path, HttpStatusCode status, string named)
    {
        var response = path.EndsWith("/pause") ? await Http.PostAsync(path, null) : await Http.GetAsync(path);
        var problem = await Json(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_impossible_event_gets_400_and_nothing_is_applied()
    {
        const string path = "/api/workspaces/api-events/journeys/lead-7/events";
        var created = new[]
        {
            new { id = "e1", kind = "LeadCreated", at = "2026-05-01T09:00:00Z", regionId = (string?)"north" },
            new { id = "e2", kind = "Contacted", at = "2026-05-01T10:00:00Z", regionId = (string?)null },
        };
        var ok = await Json(await Http.PostAsJsonAsync(path, created), HttpStatusCode.OK);
        Assert.Equal("Prospect", ok.GetProperty("status").GetString());

        var impossible = new object[]
        {
            new { id = "e3", kind = "Qualified", at = "2026-05-02T10:00:00Z" },
            new { id = "e4", kind = "Won", at = "2026-05-03T10:00:00Z", amount = 900 },
        };
        var problem = await Json(await Http.PostAsJsonAsync(path, impossible), HttpStatusCode.BadRequest);
        Assert.Contains("e4", problem.GetProperty("detail").GetString());
        Assert.Contains("only an open opportunity can be won", problem.GetProperty("detail").GetString());

        var journey = await Json(await Http.GetAsync("/api/workspaces/api-events/journeys/lead-7"), HttpStatusCode.OK);
        Assert.Equal(2, journey.GetProperty("state").GetProperty("eventCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, journey.GetProperty("state").GetProperty("qualifiedAt").ValueKind);
    }

    [Fact]
    public async Task Negative_amounts_and_malformed_json_are_refused()
    {
        const string path = "/api/workspaces/api-bad/journeys/lead-1/events";
        var negative = new object[]
        {
            new { id = "n1", kind = "LeadCreated", at = "2026-05-01T09:00:00Z" },
            new { id = "n2", kind = "Contacted", at = "2026-05-01T09:00:00Z", amount = -10 },
        };
        var problem = await Json(await Http.PostAsJsonAsync(path, negative), HttpStatusCode.BadRequest);
        Assert.Contains("-10", problem.GetProperty("detail").GetString());
        await Json(await Http.GetAsync("/api/workspaces/api-bad/journeys/lead-1"), HttpStatusCode.NotFound);

        var malformed = await Json(await Http.PostAsync(path, new StringContent("[{\"id\": \"x\", ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Contains("BytePositionInLine: 13", malformed.GetProperty("detail").GetString());
        var unknownKind = await Http.PostAsync(path, new StringContent("[{\"id\":\"x\",\"kind\":\"Teleported\",\"at\":\"2026-05-01T09:00:00Z\"}]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
    }

    [Fact]
    public async Task A_simulation_is_created_paused_resumed_sped_up_and_reset_over_http()
    {
        const string sim = "/api/workspaces/api-sim/simulation";
        var started = await Json(await Http.PostAsJsonAsync(sim, new { seed = 3, regions = 1, teamsPerRegion = 1, repsPerTeam = 3, campaigns = 2, existingCustomers = 5 }), HttpStatusCode.OK);
        Assert.True(started.GetProperty("running").GetBoolean());
        Assert.False((await Json(await Http.PostAsync($"{sim}/pause", null), HttpStatusCode.OK)).GetProperty("running").GetBoolean());
        Assert.True((await Json(await Http.PostAsync($"{sim}/resume", null), HttpStatusCode.OK)).GetProperty("running").GetBoolean());
        Assert.Equal(7, (await Json(await Http.PutAsJsonAsync($"{sim}/speed", new { daysPerSecond = 7 }), HttpStatusCode.OK)).GetProperty("speed").GetDouble());
        var badSpeed = await Json(await Http.PutAsJsonAsync($"{sim}/speed", new { daysPerSecond = -2 }), HttpStatusCode.BadRequest);
        Assert.Contains("speed", badSpeed.GetProperty("detail").GetString());
        Assert.Equal(8ul, (await Json(await Http.PostAsJsonAsync($"{sim}/reset", new { seed = 8 }), HttpStatusCode.OK)).GetProperty("seed").GetUInt64());
        var badSettings = await Json(await Http.PostAsJsonAsync("/api/workspaces/api-sim-2/simulation", new { regions = 0 }), HttpStatusCode.BadRequest);
        Assert.Contains("regions", badSettings.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_home_page_is_served()
    {
        var response = await Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("blazor.web.js", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_and_metrics_are_served()
    {
        Assert.Equal("Healthy", await Http.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await Http.GetStringAsync("/health/ready"));
        // A meter's instruments show once they have been measured and collected, which may take a scrape after the
        // activity that feeds them: scrape after each simulated day, up to ten, until every family is there.
        string[] families = ["growth_journey_events", "growth_journeys_scheduled", "orleans"];
        var metrics = "";
        for (var day = 0; day < 10 && !families.All(metrics.Contains); day++)
        {
            await host.Grains.GetGrain<ISimulationGrain>("demo").RunForAsync(TimeSpan.FromDays(1));
            metrics = await Http.GetStringAsync("/metrics");
        }
        foreach (var family in families) Assert.True(metrics.Contains(family), $"no {family} in /metrics:\n{metrics[..Math.Min(2000, metrics.Length)]}");
    }
}
