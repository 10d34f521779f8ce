using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Payouts read live from a simulated workspace over the API: under today's flat plan they equal 8 % of each won
/// deal (per line, in cents) computed independently from the journeys; under a tiered plan the company payout is the
/// sum of the statements and each the sum of its lines; a manager sees their region, a rep only their own statement.
/// </summary>
[Collection(DashboardCollection.Name)]
public class CompensationTests(DashboardHost host)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A small simulated workspace (2 regions × 2 teams × 2 reps) run for 75 days.</summary>
    internal static async Task<IReadOnlyList<JourneyState>> SimulateAsync(DashboardHost host, string workspace)
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(workspace);
        // Without the long run: quotas and pay statements are checked against the setup's roster of 8, which the long run's
        // turnover (2 of these 8 leave by day 75) would change as it goes (README, "The long run").
        await sim.CreateAsync(new SimulationSettings { Seed = 17, Regions = 2, TeamsPerRegion = 2, RepsPerTeam = 2, Campaigns = 2, ExistingCustomers = 0, LongRun = false });
        await sim.RunForAsync(TimeSpan.FromDays(75));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        return [.. (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).StatesAsync()))).SelectMany(s => s)];
    }

    internal static CompensationPlanSetup Tiered => new()
    {
        Id = "tiered", Name = "Tiered with accelerators",
        Tiers = [new() { From = 0, To = 0.5, Rate = 0.02 }, new() { From = 0.5, To = 1, Rate = 0.06 }, new() { From = 1, To = 2, Rate = 0.10 }],
        Cap = 2, TeamBonus = new() { Amount = 500, Threshold = 0.5 }, BasePay = 1000,
    };

    async Task<CompensationReport> ReportAsync(HttpClient http, string workspace, string period)
    {
        var response = await http.GetAsync($"/api/workspaces/{workspace}/compensation?period={period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CompensationReport>(Json))!;
    }

    [Fact]
    public async Task Payouts_reconcile_with_the_won_deals_and_each_viewer_sees_their_part()
    {
        const string Workspace = "comp-api";
        var states = await SimulateAsync(host, Workspace);
        var setup = (await host.Grains.GetGrain<ISetupGrain>(Workspace).GetAsync())!.Document;
        var calendar = new FiscalCalendar(setup.Company);
        // The quarter with the most won deals.
        var period = states.Where(s => s.Won).GroupBy(s => calendar.QuarterOf(s.ClosedAt!.Value).Name).MaxBy(g => g.Count())!.Key;
        var quarter = calendar.Find(period)!;
        var won = states.Where(s => s.Won && s.RepId is not null && quarter.Contains(s.ClosedAt!.Value)).ToList();
        Assert.NotEmpty(won);

        // Today's flat plan: 8 % of each won deal, rounded per deal.
        var flat = await ReportAsync(host.Admin!.Http, Workspace, period);
        Assert.Equal(period, flat.Period);
        Assert.Equal(8, flat.Statements.Count);
        Assert.Equal(won.Sum(s => Math.Round(s.WonValue * 0.08m, 2, MidpointRounding.AwayFromZero)), flat.Total);
        Assert.Equal(won.Sum(s => s.WonValue), flat.Revenue);
        foreach (var statement in flat.Statements)
            Assert.Equal(won.Where(s => s.RepId == statement.RepId).Select(s => s.Id).Order(), statement.Lines.Select(l => l.JourneyId!).Order());

        // A tiered plan: the company payout is exactly the sum of statements, each the sum of its lines.
        await host.Grains.GetGrain<ISetupGrain>(Workspace).ApplyAsync(setup with { Compensation = new() { Plans = [Tiered] } }, "test", "tiered plan");
        var tiered = await ReportAsync(host.Admin!.Http, Workspace, period);
        Assert.All(tiered.Statements, s => Assert.Equal("tiered", s.PlanId));
        Assert.Equal(tiered.Total, tiered.Statements.Sum(s => s.Total));
        Assert.All(tiered.Statements, s => Assert.Equal(s.Total, s.Lines.Sum(l => l.Amount)));
        Assert.Equal(8 * 1000m, tiered.Statements.Sum(s => s.BasePay));

        // A manager sees their region's reps, a rep their own statement; totals are theirs.
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1");
        var region = await ReportAsync(manager.Http, Workspace, period);
        Assert.Equal(4, region.Statements.Count);
        Assert.All(region.Statements, s => Assert.Equal("region-1", s.RegionId));
        Assert.Equal(region.Statements.Sum(s => s.Total), region.Total);
        var rep = await host.SignInAsAsync($"{Workspace}:Rep:rep-1-1-1");
        var own = Assert.Single((await ReportAsync(rep.Http, Workspace, period)).Statements);
        Assert.Equal("rep-1-1-1", own.RepId);
        var same = tiered.Statements.Single(s => s.RepId == "rep-1-1-1");
        Assert.Equal((same.Total, same.Lines.Count), (own.Total, own.Lines.Count));
    }

    [Fact]
    public async Task An_unknown_period_or_workspace_is_refused_by_name()
    {
        var response = await host.Admin!.Http.GetAsync("/api/workspaces/demo/compensation?period=FY2027-Q9");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("FY2027-Q9", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.Http.GetAsync("/api/workspaces/no-such-place/compensation")).StatusCode);
    }
}
