using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Quotas;
using Growth.Grains.Setup;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Quotas from capacity and goal seek over the API, on a small simulated workspace: the suggestion rolls up exactly and
/// learns its productivity from the workspace's won deals; adopting it stores the quotas as a new setup version; goal seek
/// answers the same twice; bad input is a 400 naming what was wrong.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TargetsApiTests(DashboardHost host)
{
    static readonly JsonSerializerOptions Json = CompensationTests.Json;

    async Task<SuggestedTargets> SuggestedAsync(string workspace)
    {
        var response = await host.Admin!.Http.GetAsync($"/api/workspaces/{workspace}/targets/suggested");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SuggestedTargets>(Json))!;
    }

    static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Suggested_quotas_roll_up_learn_from_history_and_adopting_them_makes_a_setup_version()
    {
        const string Workspace = "targets-api";
        await CompensationTests.SimulateAsync(host, Workspace);
        var s = await SuggestedAsync(Workspace);

        Assert.True(s.Productivity.Learned, s.Productivity.Source);
        Assert.True(s.Productivity.PerRepDay > 0 && s.WorkingDays is >= 60 and <= 66, $"{s.WorkingDays} working days at {s.Productivity.PerRepDay}");
        Assert.Equal(8, s.Reps.Count);
        Assert.Equal(s.Reps.Sum(r => r.FromCapacity), s.Company.FromCapacity);
        Assert.Equal(s.Teams.Sum(t => t.FromCapacity), s.Company.FromCapacity);
        Assert.Equal(s.Regions.Sum(r => r.Quota), s.Company.Quota);
        Assert.All(s.Reps, r => Assert.True(r.FromCapacity > 0, r.Id));

        var adopted = await host.Admin!.Http.PostAsync($"/api/workspaces/{Workspace}/targets/suggested/adopt?basis=capacity", null);
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        var version = (await adopted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        var setup = (await host.Grains.GetGrain<ISetupGrain>(Workspace).GetAsync())!;
        Assert.Equal(version, setup.Version);
        var quotas = setup.Document.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).ToDictionary(r => r.Id, r => r.Quota);
        Assert.Equal(s.Reps.ToDictionary(r => r.Id, r => r.FromCapacity), quotas);
        // The setup's quotas are now the capacity suggestion.
        Assert.Equal((await SuggestedAsync(Workspace)).Company.FromCapacity, (await SuggestedAsync(Workspace)).Company.Quota);

        var month = await host.Admin.Http.PostAsync($"/api/workspaces/{Workspace}/targets/suggested/adopt?period={s.Period.Name[..6]}-M01", null);
        Assert.Contains("quarter", await ProblemAsync(month, HttpStatusCode.BadRequest));
        Assert.Equal(version, (await host.Grains.GetGrain<ISetupGrain>(Workspace).GetAsync())!.Version);
        var basis = await host.Admin.Http.PostAsync($"/api/workspaces/{Workspace}/targets/suggested/adopt?basis=gut-feeling", null);
        Assert.Contains("basis: unknown basis 'gut-feeling' (use capacity or history)", await ProblemAsync(basis, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unknown_period_or_workspace_is_refused_by_name()
    {
        var period = await host.Admin!.Http.GetAsync("/api/workspaces/demo/targets/suggested?period=FY2027-Q9");
        Assert.Contains("period: unknown fiscal period 'FY2027-Q9'", await ProblemAsync(period, HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.Http.GetAsync("/api/workspaces/no-such-place/targets/suggested")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.Http.GetAsync("/api/workspaces/no-such-place/goal-seek")).StatusCode);
    }

    [Fact]
    public async Task Goal_seek_answers_the_same_twice_and_refuses_odds_outside_zero_to_one()
    {
        const string Workspace = "goal-seek-api";
        await CompensationTests.SimulateAsync(host, Workspace);
        var url = $"/api/workspaces/{Workspace}/goal-seek?probability=0.8&paths=200&seed=3";
        var first = await host.Admin!.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = (await first.Content.ReadFromJsonAsync<GoalSeekResult>(Json))!;
        Assert.Equal(await first.Content.ReadAsStringAsync(), await (await host.Admin.Http.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.True(answer.HighestTarget >= answer.Booked && answer.Median >= answer.HighestTarget, $"{answer.Booked} ≤ {answer.HighestTarget} ≤ {answer.Median}");
        Assert.Equal(200, answer.Paths);
        Assert.Null(answer.Budget);

        foreach (var p in new[] { "0", "1", "1.5", "-0.1" })
        {
            var bad = await host.Admin.Http.GetAsync($"/api/workspaces/{Workspace}/goal-seek?probability={p}");
            Assert.Contains("probability must be between 0 and 1", await ProblemAsync(bad, HttpStatusCode.BadRequest));
        }
        var period = await host.Admin.Http.GetAsync($"/api/workspaces/{Workspace}/goal-seek?period=FY2027-Q9");
        Assert.Contains("unknown fiscal period 'FY2027-Q9'", await ProblemAsync(period, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Goal_seek_answers_the_commission_a_target_needs_and_refuses_a_plan_lever_without_a_target()
    {
        const string Workspace = "goal-seek-plan-api";
        await CompensationTests.SimulateAsync(host, Workspace);
        var at = $"/api/workspaces/{Workspace}/goal-seek?probability=0.8&paths=200&seed=3";
        var highest = (await (await host.Admin!.Http.GetAsync(at)).Content.ReadFromJsonAsync<GoalSeekResult>(Json))!;
        var response = await host.Admin.Http.GetAsync($"{at}&lever=commission&target={highest.Median * 10:0}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<GoalSeekResult>(Json))!;
        Assert.Null(answer.Budget);
        var plan = Assert.IsType<PlanAnswer>(answer.Plan);
        Assert.Equal(PlanLever.Commission, plan.Lever);
        // Ten times the median is out of reach of any commission rate; the answer says so at the lever's limit.
        Assert.False(plan.Reachable);
        Assert.Equal(PlanGoalSeek.MaxCommission, plan.Multiplier);
        Assert.Equal(highest.HighestTarget, answer.HighestTarget);

        Assert.Contains("the commission and accelerator levers need a target",
            await ProblemAsync(await host.Admin.Http.GetAsync($"{at}&lever=accelerator"), HttpStatusCode.BadRequest));
        Assert.Contains("lever must be budget, commission or accelerator (was 'bonus')",
            await ProblemAsync(await host.Admin.Http.GetAsync($"{at}&lever=bonus&target=1000"), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Quota_allocation_splits_the_company_total_top_down_and_answers_the_spread_each_leaves()
    {
        const string Workspace = "allocation-api";
        await CompensationTests.SimulateAsync(host, Workspace);
        var response = await host.Admin!.Http.GetAsync($"/api/workspaces/{Workspace}/targets/allocation?paths=200&seed=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<Growth.Dashboard.Application.Projection.QuotaAllocationResponse>(Json))!;
        var rows = answer.Allocations.ToDictionary(a => a.Basis);
        Assert.Contains(AllocationBasis.BottomUp, rows.Keys);
        var company = rows[AllocationBasis.Setup].Total;
        Assert.Equal(company, rows[AllocationBasis.Capacity].Total);
        Assert.Equal(company, rows[AllocationBasis.Potential].Total);
        foreach (var row in answer.Allocations)
        {
            Assert.True(row.Lower <= row.Median && row.Median <= row.Upper, $"{row.Basis}: {row.Lower} {row.Median} {row.Upper}");
            Assert.InRange(row.ShareAtQuota, 0, 1);
            Assert.Equal(row.Total, row.Quotas.Values.Sum());
        }
        Assert.Contains("paths must be between 100 and 20000",
            await ProblemAsync(await host.Admin.Http.GetAsync($"/api/workspaces/{Workspace}/targets/allocation?paths=5"), HttpStatusCode.BadRequest));
    }
}
