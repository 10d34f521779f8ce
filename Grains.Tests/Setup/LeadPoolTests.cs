using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using static Growth.Grains.Tests.Setup.SetupGrainTests;

namespace Growth.Grains.Tests.Setup;

/// <summary>The setup's operating rules run in the actor simulation: leads past the deadline go back to the pool and on to a teammate.</summary>
[Collection(ClusterCollection.Name)]
public class LeadPoolTests(ClusterFixture fixture)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Leads_untouched_past_a_one_hour_deadline_are_reassigned_with_the_reason_and_team_loads_stay_counted()
    {
        const string ws = "pool-deadline";
        var setup = Company(campaignBudget: 3000) with { Rules = new RulesSetup { FirstContactDeadlineHours = 1, MaxReturns = 2 } };
        await Grains.GetGrain<ISetupGrain>(ws).ApplyAsync(setup, "leader", "one-hour deadline");
        var sim = Grains.GetGrain<ISimulationGrain>(ws);
        await sim.CreateAsync(new SimulationSettings { Seed = 5, Start = Start, ExistingCustomers = 0 });
        await sim.RunForAsync(TimeSpan.FromDays(4));

        var journeys = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(ws, i)).StatesAsync()))).SelectMany(s => s).ToList();
        var returned = journeys.Where(j => j.Returns > 0).ToList();
        // Reps aim for half the deadline (mean 0.5 h at normal effort): about one lead in seven passes it untouched.
        Assert.InRange((double)returned.Count / journeys.Count, 0.05, 0.35);
        // Only leads returned in the last step still wait in the pool.
        Assert.True(journeys.Count(j => j.InPool) <= 5, $"{journeys.Count(j => j.InPool)} leads still in the pool");

        var view = await Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, returned.First(j => !j.InPool).Id)).GetAsync();
        var back = view!.Recent.First(e => e.Kind == EventKind.ReturnedToPool);
        var reassigned = view.Recent.First(e => e.Kind == EventKind.Reassigned);
        Assert.Equal("no first contact within the 1 h deadline", back.Reason);
        Assert.Equal(back.Reason, reassigned.Reason);
        Assert.Equal(back.At, reassigned.At);
        Assert.StartsWith("t1-", reassigned.RepId);

        // The team counts every open lead once, at the rep who has it now (releases of the last step are carried to the next).
        var loads = await Grains.GetGrain<ITeamGrain>(Keys.Of(ws, "t1")).GetLoadsAsync();
        var open = journeys.Count(j => j.Status == JourneyStatus.Prospect && !j.InPool);
        Assert.InRange(loads.Values.Sum() - open, -5, 10);
        Assert.Contains(journeys, j => j.Grade is not null);
    }
}
