using Growth.Domain.Projection;
using Growth.Domain.Simulation;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Growth.Grains.Tests.Cluster;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Grains.Tests.Projection;

/// <summary>
/// Trust, the grain path: the actor simulation on grains against the projection run on the same organisation,
/// parameters and seed, and against the same actor model without grains (<see cref="PlannerSimulation"/>). The
/// simulation is one draw of the very process the projection averages: since the first-contact decay follows
/// Oldroyd et al. (HBR 2011) the default organisation books about 260 deals in 26 weeks, and its revenue moves by
/// about 6 % from seed to seed, so one run is held to 10 %. The 5 % check is <c>ProjectionConsistencyTests</c>
/// (Domain.Tests): the model without grains, averaged over 16 seeds, against the projection. This run ties the
/// grains (campaigns, regions and teams routing, shards, statistics) to that model; three runs here took 107 s. The
/// long run is off (neither the projection nor the model has it). Measured with it off: grains 130,053 a week, projection
/// -9.03 %, model -5.60 % (wins 238, 234 and 254). Seed 43 on grains gave +3.28 % and +1.33 %: seed 42 is a high draw
/// (1.6 spreads above the model's 16-seed mean), so the margin here is one run's chance, not a difference in the model.
/// </summary>
[Collection(LongRunClusterCollection.Name)]
public class ProjectionTrustTests(ClusterFixture fixture, ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    const int Weeks = 26;

    [Fact]
    public async Task One_simulated_run_on_grains_is_within_10_percent_of_the_projection_and_of_the_same_model_without_grains()
    {
        const ulong seed = 42;
        var workspace = $"trust-{seed}";
        // The long run (market saturation, rep turnover, yearly quotas) is left out: neither the projection nor the model
        // without grains has it, and it is what the seeded demo adds on top of the model checked here.
        var settings = new SimulationSettings { Seed = seed, Start = Start, LongRun = false };
        var sim = fixture.Grains.GetGrain<ISimulationGrain>(workspace);
        await sim.CreateAsync(settings);
        var organisation = await fixture.Grains.GetGrain<IWorkspaceGrain>(workspace).GetOrganisationAsync();
        // A week per call: a call stays well inside the response timeout.
        for (var week = 0; week < Weeks; week++) await sim.RunForAsync(TimeSpan.FromDays(7));
        var snapshot = await fixture.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        var simulated = (double)snapshot!.Revenue.Total / Weeks;

        var projection = ProjectionEngine.Run(new ProjectionRequest
        {
            Organisation = organisation!, ExistingCustomers = settings.ExistingCustomers, Start = Start,
            Weeks = Weeks, Paths = 2000, Seed = seed,
        });
        var runs = Enumerable.Range(0, 4).Select(i => PlannerSimulation.Run(new PlannerRunSettings
        {
            Organisation = organisation!, Parameters = BehaviourParameters.Default, Start = Start, Weeks = Weeks,
            Seed = seed + (ulong)i, ExistingCustomers = settings.ExistingCustomers,
        })).ToList();
        var withoutGrains = runs.Average(r => r.WeeklyRevenue(Weeks));
        output.WriteLine($"without grains (4 seeds): revenue {runs.Average(r => (double)r.Revenue):N0} new {runs.Average(r => (double)r.NewBusiness):N0} existing {runs.Average(r => (double)r.FromExisting):N0} leads {runs.Average(r => r.Leads):N0} eff {runs.Average(r => r.EffectiveLeads):N0} referred {runs.Average(r => r.Referred):N0} qualified {runs.Average(r => r.Qualified):N0} wins {runs.Average(r => r.Wins):N0}");
        output.WriteLine($"on grains: revenue {snapshot!.Revenue.Total:N0} leads {snapshot.Leads:N0} eff {snapshot.Revenue.EffectiveLeads:N0} referrals {snapshot.Lifecycle.Referrals} won {snapshot.Deals.Won} newCustomers {snapshot.Revenue.NewCustomers} customers {snapshot.Revenue.Customers} orders {snapshot.Revenue.Orders} repurchases {snapshot.Revenue.Repurchases} aov {snapshot.Revenue.AverageOrderValue:N0} wonValue {snapshot.Deals.WonValue:N0} avgWon {snapshot.Deals.AverageWonValue:N0}");
        var projected = projection.WeeklyRevenue.Mean;
        var gap = (projected - simulated) / simulated;
        var modelGap = (withoutGrains - simulated) / simulated;
        output.WriteLine($"seed {seed}: simulated {simulated:N0}/week, projected mean {projected:N0}/week (P10 {projection.WeeklyRevenue.P10:N0}, P90 {projection.WeeklyRevenue.P90:N0}), gap {gap:P2}; "
            + $"without grains (4 seeds) {withoutGrains:N0}/week, gap {modelGap:P2}; wins sim {snapshot.Deals.Won} proj {projection.NewCustomers.Mean:N0}; "
            + $"repurchases sim {snapshot.Revenue.Repurchases} proj {projection.Repurchases.Mean:N0}; effective leads sim {snapshot.Revenue.EffectiveLeads} proj {projection.Factors.EffectiveLeads:N0}");
        Assert.InRange(gap, -0.10, 0.10);
        Assert.InRange(modelGap, -0.10, 0.10);
    }
}
