using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using static Growth.Grains.Tests.Setup.SetupGrainTests;

namespace Growth.Grains.Tests.Setup;

/// <summary>A running simulation takes a new setup version up at its next step, at a simulated time the figures mark.</summary>
[Collection(ClusterCollection.Name)]
public class LiveSetupTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    /// <summary>A simulation built on <paramref name="setup"/> and run for <paramref name="days"/>; returns the simulated time reached.</summary>
    async Task<DateTimeOffset> StartAsync(string workspace, SetupDocument setup, double days)
    {
        await Grains.GetGrain<ISetupGrain>(workspace).ApplyAsync(setup, "leader", "our company");
        var sim = Grains.GetGrain<ISimulationGrain>(workspace);
        await sim.CreateAsync(new SimulationSettings { Seed = 3, Start = Start, ExistingCustomers = 0 });
        return (await sim.RunForAsync(TimeSpan.FromDays(days))).SimulatedNow!.Value;
    }

    async Task<WorkspaceSnapshot> RunAsync(string workspace, TimeSpan span)
    {
        await Grains.GetGrain<ISimulationGrain>(workspace).RunForAsync(span);
        return (await Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync())!;
    }

    async Task<List<JourneyState>> JourneysAsync(string workspace) =>
        (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).StatesAsync())))
            .SelectMany(s => s).ToList();

    async Task AssertMarkedAsync(string workspace, WorkspaceSnapshot snapshot, int version, DateTimeOffset at)
    {
        Assert.Contains(snapshot.SetupMarks, m => m.Version == version && m.At == at);
        var info = (await Grains.GetGrain<ISetupGrain>(workspace).GetHistoryAsync()).Single(v => v.Number == version);
        Assert.Equal(at, info.EffectiveAt);
    }

    static SetupDocument WithTeam(SetupDocument d, Func<TeamSetup, TeamSetup> change) => d with
    {
        Organisation = new OrganisationSetup
        {
            Regions = d.Organisation.Regions.Select(r => r with { Teams = r.Teams.Select(change).ToList() }).ToList(),
        },
    };

    [Fact]
    public async Task A_new_rep_joins_the_running_simulation_and_gets_leads()
    {
        const string ws = "live-join";
        var at = await StartAsync(ws, Company(), 5);
        var joined = WithTeam(Company(), t => t with
        {
            Reps = [.. t.Reps, new RepSetup { Id = "t1-d", Name = "Dana", Quota = 40_000, HireDate = DateOnly.FromDateTime(at.UtcDateTime) }],
        });
        var v2 = await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(joined, "leader", "Dana joins");

        var snapshot = await RunAsync(ws, TimeSpan.FromDays(10));
        var dana = snapshot.Reps.Single(r => r.Id == "t1-d");
        Assert.True(dana.Leads > 0, "the new rep got no leads");
        Assert.Equal(40_000m, dana.Target);
        await AssertMarkedAsync(ws, snapshot, v2.Number, at);
        Assert.Contains("Dana", snapshot.SetupMarks.Single(m => m.Version == v2.Number).Summary);
    }

    [Fact]
    public async Task A_rep_who_leaves_hands_their_open_leads_to_their_teammates()
    {
        const string ws = "live-leave";
        var at = await StartAsync(ws, Company(), 5);
        Assert.Contains(await JourneysAsync(ws), j => j.RepId == "t1-b" && j.Status == JourneyStatus.Prospect);

        var left = WithTeam(Company(), t => t with { Reps = t.Reps.Where(r => r.Id != "t1-b").ToList() });
        var v2 = await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(left, "leader", "Bob left");
        var snapshot = await RunAsync(ws, TimeSpan.FromHours(1));

        var journeys = await JourneysAsync(ws);
        Assert.DoesNotContain(journeys, j => j.RepId == "t1-b" && j.Status == JourneyStatus.Prospect);
        Assert.Contains(journeys, j => j.RepId is "t1-a" or "t1-c");
        var loads = await Grains.GetGrain<ITeamGrain>(Keys.Of(ws, "t1")).GetLoadsAsync();
        Assert.Equal(["t1-a", "t1-c"], loads.Keys.Order());
        await AssertMarkedAsync(ws, snapshot, v2.Number, at);
        Assert.Contains("handed over", snapshot.SetupMarks.Single(m => m.Version == v2.Number).Summary);
    }

    [Fact]
    public async Task A_quota_change_shows_in_the_rep_and_team_targets_with_the_setup_currency_and_fiscal_quarter()
    {
        const string ws = "live-quota";
        var at = await StartAsync(ws, Company(quota: 60_000), 2);
        var euros = Company(quota: 90_000) with
        {
            Company = new CompanySetup { Currency = new CurrencySetup { Code = "EUR", Symbol = "€", Culture = "de-DE" }, FiscalYearStartMonth = 11 },
        };
        var v2 = await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(euros, "leader", "new quotas");
        var snapshot = await RunAsync(ws, TimeSpan.FromHours(1));
        Assert.Equal(new MoneyStyle("EUR", "€", "de-DE"), snapshot.Money);
        // Fiscal years from November: early January is in the quarter that began on 1 November.
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero), snapshot.Period!.Start);

        Assert.All(snapshot.Reps, r => Assert.Equal(90_000m, r.Target));
        Assert.Equal(270_000m, snapshot.Teams.Single(t => t.Id == "t1").Target);
        Assert.Equal(270_000m, snapshot.Period!.Target);
        await AssertMarkedAsync(ws, snapshot, v2.Number, at);
    }

    static SetupDocument Priced(decimal price) => Company() with
    {
        Catalogue = new CatalogueSetup { Products = [new ProductSetup { Id = "course", Name = "Course", ListPrice = price }] },
    };

    [Fact]
    public async Task A_price_change_applies_to_opportunities_opened_after_it()
    {
        const string ws = "live-price";
        var at = await StartAsync(ws, Priced(1000), 20);
        var v2 = await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(Priced(2000), "leader", "price up");
        var snapshot = await RunAsync(ws, TimeSpan.FromDays(20));

        var opportunities = (await JourneysAsync(ws)).Where(j => j.OpportunityAt is not null).ToList();
        var before = opportunities.Where(j => j.OpportunityAt <= at).ToList();
        var after = opportunities.Where(j => j.OpportunityAt > at).ToList();
        Assert.NotEmpty(before);
        Assert.NotEmpty(after);
        Assert.All(before, j => Assert.Equal(1000m, j.OpportunityValue));
        Assert.All(after, j => Assert.Equal(2000m, j.OpportunityValue));
        await AssertMarkedAsync(ws, snapshot, v2.Number, at);
    }

    [Fact]
    public async Task A_campaign_budget_change_brings_more_or_fewer_leads_and_zero_budget_none()
    {
        const string ws = "live-budget";
        await StartAsync(ws, Company(campaignBudget: 1000), 0.5);
        var first = (await RunAsync(ws, TimeSpan.FromDays(10))).Campaigns.Single(c => c.Id == "events").Leads;

        var tripled = await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(Company(campaignBudget: 3000), "leader", "more events");
        var at = (await Grains.GetGrain<ISimulationGrain>(ws).GetStatusAsync()).SimulatedNow!.Value;
        var snapshot = await RunAsync(ws, TimeSpan.FromDays(10));
        var second = snapshot.Campaigns.Single(c => c.Id == "events").Leads - first;
        Assert.True(second > 2 * first, $"three times the budget brought {second} leads against {first}");
        await AssertMarkedAsync(ws, snapshot, tripled.Number, at);

        await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(Company(campaignBudget: 0), "leader", "no more events");
        var stopped = (await RunAsync(ws, TimeSpan.FromDays(5))).Campaigns.Single(c => c.Id == "events").Leads;
        Assert.Equal(first + second, stopped);
    }

    [Fact]
    public async Task A_simulation_built_from_the_seed_gets_a_setup_to_edit_and_a_reset_keeps_the_edited_setup()
    {
        const string ws = "built-setup";
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 5, Start = Start, Regions = 2, TeamsPerRegion = 1, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 0 });
        var setup = Grains.GetGrain<ISetupGrain>(ws);
        var built = await setup.GetAsync();
        Assert.Equal((1, "simulation"), (built!.Version, built.By));
        var org = await Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync();
        Assert.Equal(org!.Reps.Select(r => r.Id), built.Document.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).Select(r => r.Id));

        // The leader drops a region; a reset rebuilds from the edited setup, not from the seed.
        var kept = built.Document.Organisation.Regions[0].Id;
        var edited = built.Document with
        {
            Organisation = new OrganisationSetup { Regions = [built.Document.Organisation.Regions[0]] },
            Channels = new ChannelsSetup { Campaigns = built.Document.Channels.Campaigns.Select(c => c with { Regions = [kept] }).ToList() },
        };
        await setup.ApplyAsync(edited, "leader", "one region", expectedVersion: 1);
        await sim.ResetAsync(null);
        var afterReset = await Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync();
        Assert.Equal([kept], afterReset!.Regions.Select(r => r.Id));
        Assert.Equal(2, (await setup.GetAsync())!.Version);
    }

    [Fact]
    public async Task A_team_reconfigured_keeps_the_open_load_of_reps_who_stay()
    {
        var team = Grains.GetGrain<ITeamGrain>("team-reconfigure/t");
        static RepProfile Rep(string id) => new() { Id = id, Name = id, TeamId = "t", Skills = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], Capacity = 10 };
        TeamProfile Team(params string[] reps) => new() { Id = "t", Name = "t", RegionId = "r", LeaderName = "l", Reps = reps.Select(Rep).ToList() };
        await team.ConfigureAsync(Team("a", "b", "c"));
        await team.AssignAsync(9);

        await team.ReconfigureAsync(Team("a", "c", "d"));
        var loads = await team.GetLoadsAsync();
        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["c"] = 3, ["d"] = 0 }, loads);
        Assert.All(await team.AssignAsync(3), a => Assert.Equal("d", a.RepId));
    }
}
