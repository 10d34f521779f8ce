using System.Net;
using System.Text;
using System.Text.Json;
using Growth.Domain.Setup;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Plans per role, end to end through the projection with per-rep pay (<c>POST /projections/plans</c>): each rep of a role
/// is paid by the role's plan, a plan naming the rep wins over it, and a compared plan for a role changes only that role's pay.
/// </summary>
[Collection(DashboardCollection.Name)]
public class PlanRoleProjectionTests(DashboardHost host)
{
    const string Workspace = "plans-roles";
    const int Weeks = 26;

    static CompensationPlanSetup Flat(string id, double rate, PlanScopeSetup scope) =>
        new() { Id = id, Name = id, AppliesTo = scope, Tiers = [new() { From = 0, Rate = rate }] };

    /// <summary>The small company with team 1 as account executives and team 2 as SDRs; rep-1-2 has a plan of their own.</summary>
    static SetupDocument WithRoles()
    {
        var doc = SetupSamples.Small();
        return doc with
        {
            Organisation = new()
            {
                Regions = doc.Organisation.Regions.Select(r => r with
                {
                    Teams = r.Teams.Select(t => t with { Reps = t.Reps.Select(p => p with { Role = t.Id == "team-1" ? "ae" : "sdr" }).ToList() }).ToList(),
                }).ToList(),
            },
            Compensation = new()
            {
                Plans = [Flat("ae-plan", 0.10, new() { Roles = ["ae"] }), Flat("sdr-plan", 0.04, new() { Roles = ["sdr"] }), Flat("rep-plan", 0.12, new() { Reps = ["rep-1-2"] })],
            },
        };
    }

    async Task Ready()
    {
        var setup = host.Grains.GetGrain<ISetupGrain>(Workspace);
        if (await setup.GetAsync() is null) await setup.ApplyAsync(WithRoles(), "test", "roles and their plans");
        await host.Grains.GetGrain<ISimulationGrain>(Workspace).CreateAsync(new SimulationSettings
        {
            Seed = 5, ExistingCustomers = 0, Start = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero),
        });
    }

    /// <summary>Each rep's plan id and the commission rate their pay implies: mean pay over mean credited revenue (quota × attainment).</summary>
    static Dictionary<string, (string Plan, double Rate)> Reps(JsonElement option) =>
        option.GetProperty("reps").EnumerateArray().ToDictionary(r => r.GetProperty("repId").GetString()!, r =>
        {
            var credited = r.GetProperty("attainment").GetProperty("mean").GetDouble() * (double)SetupSamples.Quota * Weeks / 13;
            return (r.GetProperty("planId").GetString()!, r.GetProperty("payout").GetProperty("mean").GetDouble() / credited);
        });

    [Fact]
    public async Task Reps_are_paid_by_their_roles_plan_a_rep_plan_wins_and_a_compared_role_plan_changes_that_role_only()
    {
        await Ready();
        const string body = """
            { "weeks": 26, "paths": 300, "seed": 2, "plans": [ { "name": "sdr 6 %", "appliesTo": { "roles": [ "sdr" ] },
              "tiers": [ { "from": 0, "rate": 0.06 } ] } ] }
            """;
        var response = await host.Http.PostAsync($"/api/workspaces/{Workspace}/projections/plans", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var options = JsonDocument.Parse(text).RootElement.GetProperty("comparison").GetProperty("options").EnumerateArray().ToList();
        var current = Reps(options[0]);
        var compared = Reps(options[1]);
        Assert.Equal(8, current.Count);

        foreach (var (rep, (plan, rate)) in current)
        {
            var (expectedPlan, expectedRate) = rep == "rep-1-2" ? ("rep-plan", 0.12) : rep.StartsWith("rep-1-") ? ("ae-plan", 0.10) : ("sdr-plan", 0.04);
            Assert.Equal(expectedPlan, plan);
            // A flat rate pays that share of every path's credited revenue, so the means carry it (within 5 %: the bands are
            // rounded; the rates named are 20 % or more apart).
            Assert.InRange(rate, expectedRate * 0.95, expectedRate * 1.05);
        }
        // The compared plan names the SDRs: they move to 6 %; the account executives and the rep with their own plan keep theirs.
        foreach (var (rep, (plan, rate)) in compared)
            if (rep.StartsWith("rep-2-"))
            {
                Assert.Equal("sdr 6 %", plan);
                Assert.InRange(rate, 0.06 * 0.95, 0.06 * 1.05);
            }
            else Assert.Equal(current[rep].Plan, plan);
    }
}
