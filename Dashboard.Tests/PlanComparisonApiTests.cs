using System.Net;
using System.Text;
using System.Text.Json;
using Growth.Grains.Figures;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>Pay plans compared over real HTTP: the current plans first, ordered bands per rep, the same answer for the same seed, 400s naming the field, nothing changed.</summary>
[Collection(DashboardCollection.Name)]
public class PlanComparisonApiTests(DashboardHost host)
{
    const string Workspace = "plans-api";
    HttpClient Http => host.Http;

    static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    const string Accelerated = """
        { "weeks": 26, "paths": 300, "seed": 4, "plans": [ { "name": "accelerated", "cap": 2,
          "tiers": [ { "from": 0, "to": 1, "rate": 0.06 }, { "from": 1, "rate": 0.10 } ],
          "spiffs": [ { "product": "core", "amount": 2000 } ] } ] }
        """;

    async Task Ready()
    {
        var setup = host.Grains.GetGrain<ISetupGrain>(Workspace);
        if (await setup.GetAsync() is null) await setup.ApplyAsync(SetupSamples.Small(), "test", "the small company");
        await host.Grains.GetGrain<ISimulationGrain>(Workspace).CreateAsync(new SimulationSettings
        {
            Seed = 3, ExistingCustomers = 0, Start = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero),
        });
    }

    [Fact]
    public async Task Plans_are_compared_with_the_current_one_with_ordered_bands_and_the_same_answer_twice()
    {
        await Ready();
        var before = JsonSerializer.Serialize((await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync())! with { Version = 0 });
        var response = await Http.PostAsync($"/api/workspaces/{Workspace}/projections/plans", Body(Accelerated));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var c = JsonDocument.Parse(text).RootElement.GetProperty("comparison");
        var options = c.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(["current", "accelerated"], options.Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(8, c.GetProperty("reps").GetInt32());
        foreach (var o in options)
        {
            foreach (var figure in new[] { "revenue", "costOfSales", "marginAfterPay", "repsAtQuota", "repsFarBelowOte" })
            {
                var band = o.GetProperty(figure);
                Assert.True(band.GetProperty("p10").GetDouble() <= band.GetProperty("p50").GetDouble() && band.GetProperty("p50").GetDouble() <= band.GetProperty("p90").GetDouble(), figure);
            }
            foreach (var rep in o.GetProperty("reps").EnumerateArray())
            {
                var pay = rep.GetProperty("payout");
                Assert.True(pay.GetProperty("p10").GetDouble() <= pay.GetProperty("p50").GetDouble() && pay.GetProperty("p50").GetDouble() <= pay.GetProperty("p90").GetDouble());
            }
        }
        // Today's flat 8 % (the setup has no plan) against the accelerated plan with its spiff: the cost differs.
        Assert.Equal("flat", options[0].GetProperty("reps")[0].GetProperty("planId").GetString());
        Assert.NotEqual(options[0].GetProperty("costOfSales").GetProperty("mean").GetDouble(), options[1].GetProperty("costOfSales").GetProperty("mean").GetDouble());

        var again = await (await Http.PostAsync($"/api/workspaces/{Workspace}/projections/plans", Body(Accelerated))).Content.ReadAsStringAsync();
        Assert.Equal(c.ToString(), JsonDocument.Parse(again).RootElement.GetProperty("comparison").ToString());
        Assert.Equal(before, JsonSerializer.Serialize((await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync())! with { Version = 0 }));
    }

    [Theory]
    [InlineData("""{ "paths": 100, "weeks": 4 }""", "plans: give at least one plan")]
    [InlineData("""{ "paths": 100, "weeks": 4, "plans": [ { "name": "a", "tiers": [ { "from": 0, "rate": 1.5 } ] } ] }""", "plans[0].tiers[0].rate")]
    [InlineData("""{ "paths": 100, "weeks": 4, "plans": [ { "name": "a", "tiers": [ { "from": 0, "to": 1, "rate": 0.05 }, { "from": 1.5, "rate": 0.1 } ] } ] }""", "plans[0].tiers[1].from")]
    [InlineData("""{ "paths": 100, "weeks": 4, "plans": [ { "name": "a", "cap": 0.5 } ] }""", "plans[0].cap")]
    [InlineData("""{ "paths": 100, "weeks": 4, "plans": [ { "name": "a", "spiffs": [ { "product": "nope", "amount": 5 } ] } ] }""", "plans[0].spiffs[0].product: unknown product 'nope' (the catalogue has core)")]
    [InlineData("""{ "paths": 100, "weeks": 4, "plans": [ { "name": "" } ] }""", "plans[0].name")]
    [InlineData("""{ "paths": 100, "weeks": 4, "plans": [ { "name": "a", "appliesTo": { "teams": [ "team-1" ], "roles": [ "csm" ] } } ] }""", "plans[0].appliesTo.roles[0]: unknown role 'csm' (known: none)")]
    [InlineData("""{ "paths": 100, "weeks": 4, "plans": [ { "name": "a", "appliesTo": { "reps": [ "rep-1-1", "rep-9" ] } } ] }""", "plans[0].appliesTo.reps[1]: unknown rep 'rep-9'")]
    [InlineData("""{ "paths": 5, "weeks": 4, "plans": [ { "name": "a" } ] }""", "paths")]
    public async Task Bad_plans_are_refused_naming_the_field(string json, string names)
    {
        await Ready();
        var response = await Http.PostAsync($"/api/workspaces/{Workspace}/projections/plans", Body(json));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains(names, text);
    }

    [Fact]
    public async Task An_unknown_workspace_is_a_404()
    {
        var response = await Http.PostAsync("/api/workspaces/no-such-plans/projections/plans", Body(Accelerated));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
