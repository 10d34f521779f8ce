using Growth.Domain.Journeys;
using Growth.Domain.LongRun;
using Growth.Domain.Setup;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;
using static Growth.Grains.Tests.Setup.SetupGrainTests;

namespace Growth.Grains.Tests.Simulation;

/// <summary>
/// The long run in the live actor simulation (<c>rules.longRun</c>), each mechanism alone on a small seeded company over
/// simulated weeks (the simulated clock only; no real time): a rep who leaves hands their open leads to their team with
/// the reason and a new rep starts after the vacancy; lead arrival falls as customers fill a small market; at the fiscal
/// year's start the quotas are last year's revenue × (1 + plan growth).
/// </summary>
[Collection(ClusterCollection.Name)]
public class LongRunSimulationTests(ClusterFixture fixture, ITestOutputHelper output)
{
    IGrainFactory Grains => fixture.Grains;

    /// <summary>Two teams of three reps in one region, one events campaign; the long run as given (nobody leaves unless a tenure is given).</summary>
    static SetupDocument Setup(LongRunSetup longRun) => Company(teams: ["t1", "t2"]) with { Rules = new RulesSetup { LongRun = longRun } };

    async Task<ISimulationGrain> RunAsync(string ws, SetupDocument setup, DateTimeOffset start, int days, int existingCustomers = 0)
    {
        Assert.Empty(SetupValidator.Validate(setup));
        await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(setup, "leader", "long run");
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 11, Start = start, ExistingCustomers = existingCustomers });
        for (var left = days; left > 0; left -= 10) await sim.RunForAsync(TimeSpan.FromDays(Math.Min(10, left)));
        return sim;
    }

    async Task<List<JourneyView>> ViewsAsync(string ws)
    {
        var ids = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount).Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).JourneyIdsAsync())))
            .SelectMany(x => x).ToList();
        return (await Task.WhenAll(ids.Select(id => Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, id)).GetAsync()))).OfType<JourneyView>().ToList();
    }

    [Fact]
    public async Task A_rep_who_leaves_hands_their_open_leads_to_their_team_with_the_reason_and_a_new_rep_starts_after_the_vacancy()
    {
        const string ws = "long-run-turnover";
        // The 30 days end within the quarter (on 31 March).
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        // Mean tenure 0.05 years (18 days): most of the six reps leave within 30 days; seats stay empty 5 days.
        await RunAsync(ws, Setup(new LongRunSetup { Enabled = true, RepTenureYears = 0.05, VacancyDays = 5, MarketAccountsPerRegion = 1e9 }), start, 30);

        var org = (await Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync())!;
        var original = Setup(new LongRunSetup()).Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).Select(r => r.Id).ToHashSet();
        var present = org.Reps.Select(r => r.Id).ToHashSet();
        var left = original.Where(id => !present.Contains(id)).ToList();
        var hires = org.Reps.Where(r => r.Id.StartsWith("rep-hire-", StringComparison.Ordinal)).ToList();
        output.WriteLine($"left: {string.Join(", ", left)}; hired: {string.Join(", ", hires.Select(h => $"{h.Id} {h.Name} ({h.TeamId}, {h.HireDate:d})"))}");
        Assert.True(left.Count >= 2, $"only {left.Count} of 6 reps left");
        // Every team keeps at least one rep; each hire starts ramping (hire date set) no sooner than one vacancy after the start.
        Assert.All(org.Teams, t => Assert.NotEmpty(t.Reps));
        Assert.NotEmpty(hires);
        Assert.All(hires, h => Assert.True(h.HireDate >= start.AddDays(5), $"{h.Id} hired {h.HireDate}"));
        Assert.Equal(hires.Count, hires.Select(h => h.Name).Distinct().Count());

        // Leavers and joiners are notable events.
        var notables = (await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync())!.Notables;
        Assert.Contains(notables, n => n.Kind == "RepLeft" && n.Message.Contains("open leads handed over", StringComparison.Ordinal));
        Assert.Contains(notables, n => n.Kind == "RepJoined");

        // The quarter's targets were set at its start: a hire has none in it (the Sales page says when they joined), and
        // each leaver is a former rep by name with the day they left.
        var snapshot = (await Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync())!;
        Assert.All(hires, h => Assert.Equal(0m, h.Target));
        Assert.All(hires, h => Assert.Equal(h.HireDate, snapshot.Reps.Single(r => r.Id == h.Id).JoinedAt));
        var named = original.ToDictionary(id => id, id => Setup(new LongRunSetup()).Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).Single(r => r.Id == id).Name);
        Assert.All(left, id => Assert.Equal(named[id], Assert.Single(snapshot.FormerReps, r => r.Id == id).Name));
        Assert.All(snapshot.FormerReps, r => Assert.InRange(r.LeftAt!.Value, start, start.AddDays(30)));
        Assert.DoesNotContain(snapshot.Reps, r => left.Contains(r.Id));

        // The setup learnt the roster: versions by "simulation" naming who left and joined, the last one the one running.
        var setup = Grains.GetGrain<ISetupGrain>(ws);
        var history = await setup.GetHistoryAsync();
        var written = history.Where(v => v.By == "simulation").ToList();
        output.WriteLine(string.Join("\n", written.Select(v => $"v{v.Number} {v.EffectiveAt:u}: {v.Note}")));
        Assert.NotEmpty(written);
        Assert.All(left, id => Assert.Contains(written, v => v.Note.Contains($"{named[id]} ({id}) left", StringComparison.Ordinal)));
        Assert.All(written, v => Assert.NotNull(v.EffectiveAt));
        var current = (await setup.GetAsync())!;
        Assert.Equal(present.Order(StringComparer.Ordinal), current.Document.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).Select(r => r.Id).Order(StringComparer.Ordinal));

        // A leader's next version, edited from the current one, keeps the live roster: compiled, it has the running
        // organisation's reps exactly (no leaver comes back, no hire is dropped), so taking it up changes nobody.
        var compiled = SetupCompiler.Organisation(current.Document, start.AddDays(30));
        var changes = OrganisationChanges.Between(org, compiled);
        Assert.Empty(changes.RepsJoined);
        Assert.Empty(changes.RepsLeft);
        Assert.All(hires, h => Assert.Equal(60_000m, current.Document.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).Single(r => r.Id == h.Id).Quota));
        Assert.Equal(left.Order(StringComparer.Ordinal), org.Departed.Select(d => d.Id).Where(left.Contains).Order(StringComparer.Ordinal));

        // Last, as reading the journeys wakes them all.
        // Open leads of reps who left were handed over within their team, each with the reason; none stays with a rep who left.
        var views = await ViewsAsync(ws);
        Assert.DoesNotContain(views, v => v.State.Status == JourneyStatus.Prospect && v.State.RepId is { } rep && !present.Contains(rep));
        var handed = views.SelectMany(v => v.Recent.Select((e, i) => (Events: v.Recent, Index: i, Event: e)))
            .Where(x => x.Event.Kind == EventKind.LeadAssigned && x.Event.Reason == LongRunLive.RepLeftReason).ToList();
        output.WriteLine($"{handed.Count} leads handed over with the reason");
        Assert.NotEmpty(handed);
        foreach (var (events, index, e) in handed)
        {
            // The assignment before it (when the journey's recent events still hold it).
            if (events.Take(index).LastOrDefault(x => x.Kind is EventKind.LeadAssigned or EventKind.Reassigned) is not { } before) continue;
            Assert.False(present.Contains(before.RepId!), $"lead handed over from {before.RepId}, who is still there");
            Assert.Equal(before.TeamId, e.TeamId);
            Assert.NotEqual(before.RepId, e.RepId);
        }
    }

    [Fact]
    public async Task The_simulation_runs_on_after_reps_leave_and_their_leads_are_handed_over()
    {
        // The turnover above, run two days further: a handover that keeps a journey's next due time queued it a second
        // time for the same hour, and the shard called it twice at once; as it went dormant after the first call,
        // Orleans refused a later one ("Forwarding failed ... after DeactivateOnIdle"), and the simulation stopped here.
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var sim = await RunAsync("long-run-turnover-on", Setup(new LongRunSetup { Enabled = true, RepTenureYears = 0.05, VacancyDays = 5, MarketAccountsPerRegion = 1e9 }), start, 30);
        await sim.RunForAsync(TimeSpan.FromDays(2));
        Assert.Equal(start.AddDays(32), (await sim.GetStatusAsync()).SimulatedNow);
    }

    [Fact]
    public async Task Lead_arrival_falls_as_customers_fill_a_small_market()
    {
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        // 60 accounts, 30 of them customers at the start: half the market is open, less as deals are won. Nobody leaves.
        var small = new LongRunSetup { Enabled = true, MarketAccountsPerRegion = 60, MarketGrowth = 0, RepTenureYears = 0 };
        var on = await RunAsync("long-run-market-on", Setup(small), start, 20, existingCustomers: 30);
        var off = await RunAsync("long-run-market-off", Setup(new LongRunSetup()), start, 20, existingCustomers: 30);
        var (leadsOn, leadsOff) = ((await on.GetStatusAsync()).Leads, (await off.GetStatusAsync()).Leads);
        var end = (await Grains.GetGrain<IWorkspaceStatisticsGrain>("long-run-market-on").RefreshAsync())!.Lifecycle;
        var openAtEnd = LongRunRules.OpenShare(end.Acquired - end.Churned, 60);
        output.WriteLine($"leads with a 60-account market {leadsOn}, without {leadsOff}: {leadsOn / (double)leadsOff:P1}; open at the end {openAtEnd:P1}");
        Assert.True(leadsOff >= 100, $"only {leadsOff} leads without a market limit");
        // The share that arrives lies between the open share at the end and the half open at the start (± sampling).
        Assert.InRange(leadsOn / (double)leadsOff, openAtEnd - 0.08, 0.5 + 0.08);
    }

    [Fact]
    public async Task At_the_fiscal_year_start_quotas_are_last_years_revenue_times_one_plus_the_plan_growth()
    {
        const string ws = "long-run-quotas";
        // Two months before a January fiscal year (the default calendar): the plan annualises those 61 days.
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var yearStart = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var sim = await RunAsync(ws, Setup(new LongRunSetup { Enabled = true, RepTenureYears = 0, MarketAccountsPerRegion = 1e9, PlanGrowth = 0.2 }), start, 61);
        var statistics = Grains.GetGrain<IWorkspaceStatisticsGrain>(ws);
        // Revenue up to the year's start (the step that starts the new year has not run yet), then into the new year.
        var revenue = (await statistics.RefreshAsync())!.Revenue.Total;
        await sim.RunForAsync(TimeSpan.FromDays(2));
        Assert.True(revenue > 0, "no revenue before the year's start");
        var plan = revenue * (decimal)(LongRunRules.DaysPerYear / 61) * 1.2m;
        var org = (await Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync())!;
        var yearly = org.Reps.Sum(r => r.Target) * 4;
        output.WriteLine($"revenue {revenue:N0} over 61 days, plan {plan:N0}, quarterly targets × 4 {yearly:N0} ({string.Join(", ", org.Reps.Select(r => r.Target))})");
        // Every rep's quota came from the plan (not the setup's 60,000), and they add up to it (each rounded to a unit).
        Assert.DoesNotContain(org.Reps, r => r.Target == 60_000);
        Assert.InRange(yearly, Math.Round(plan) - 4 * org.Reps.Count() * 1m, Math.Round(plan) + 4 * org.Reps.Count() * 1m);
        var notables = (await statistics.RefreshAsync())!.Notables;
        Assert.Contains(notables, n => n.Kind == "QuotasSet" && n.At == yearStart && n.Message.Contains("× 1.2", StringComparison.Ordinal));
    }
}
