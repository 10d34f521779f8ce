using System.Diagnostics;
using Growth.Domain.Projection;
using Growth.Domain.Simulation;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// The projection against the actor model it aggregates: the actor simulation's own model without grains
/// (<see cref="PlannerSimulation"/>: the same hourly steps, campaigns, referrals, existing customers, routing and journey
/// planner), run over many seeds. One run of the default organisation wins about 260 deals in 26 weeks and its revenue
/// moves by about 6 % from seed to seed, so a single run cannot hold the projection to 5 %; the mean of
/// <see cref="Seeds"/> runs can (the seeds' spread is printed with each run). The projection measures its funnel on a
/// larger sample than by default (<see cref="CalibrationLeads"/>): at the default 16,000 its measured win rate alone
/// moves its mean by 2-4 % from seed to seed, at 128,000 by about 1 %.
/// <c>ProjectionTrustTests</c> (Grains.Tests) ties one run on grains to the same figures.
/// </summary>
public class ProjectionConsistencyTests(ITestOutputHelper output)
{
    static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    const int Weeks = 26;
    const int Seeds = 16;
    const int CalibrationLeads = 128_000;

    static double[] SimulatedWeeklyRevenue(ulong orgSeed, ulong firstSeed, int seeds, ITestOutputHelper? output = null)
    {
        var org = OrganisationFactory.Build(orgSeed, 3, 2, 10, 5);
        var runs = new PlannerRunResult[seeds];
        Parallel.For(0, seeds, i => runs[i] = PlannerSimulation.Run(new PlannerRunSettings
        {
            Organisation = org, Parameters = BehaviourParameters.Default, Start = Start, Weeks = Weeks,
            Seed = firstSeed + (ulong)i, ExistingCustomers = 200,
        }));
        for (var i = 0; i < seeds; i++)
            output?.WriteLine($"  seed {firstSeed + (ulong)i}: {runs[i].WeeklyRevenue(Weeks):N0}/week (new {runs[i].NewBusiness:N0}, existing {runs[i].FromExisting:N0}), {runs[i].Leads:N0} leads ({runs[i].EffectiveLeads:N0} effective, {runs[i].Referred:N0} referred), {runs[i].Qualified:N0} qualified, {runs[i].Wins} wins");
        return runs.Select(r => r.WeeklyRevenue(Weeks)).ToArray();
    }

    static ProjectionResult Projected(ulong orgSeed, ulong seed) => ProjectionEngine.Run(new ProjectionRequest
    {
        Organisation = OrganisationFactory.Build(orgSeed, 3, 2, 10, 5), ExistingCustomers = 200, Start = Start,
        Weeks = Weeks, Paths = 2000, Seed = seed, CalibrationLeads = CalibrationLeads,
    });

    [Fact]
    public void Projected_mean_weekly_revenue_is_within_5_percent_of_the_actor_model_s_mean_over_seeds()
    {
        const ulong orgSeed = 42, firstSeed = 1000;
        var clock = Stopwatch.StartNew();
        var simulated = SimulatedWeeklyRevenue(orgSeed, firstSeed, Seeds, output);
        var mean = simulated.Average();
        var spread = Math.Sqrt(simulated.Sum(x => (x - mean) * (x - mean)) / (simulated.Length - 1)) / mean;
        var projection = Projected(orgSeed, firstSeed);
        var gap = (projection.WeeklyRevenue.Mean - mean) / mean;
        output.WriteLine($"organisation {orgSeed}: simulated mean {mean:N0}/week over {Seeds} seeds (one run's spread {spread:P1}, the mean's {spread / Math.Sqrt(Seeds):P1}); "
            + $"projected {projection.WeeklyRevenue.Mean:N0}/week, gap {gap:P2}; {clock.Elapsed.TotalSeconds:N1} s");
        Assert.InRange(gap, -0.05, 0.05);
    }
}


/// <summary>
/// The projection against the model on a loaded workspace: the business-software template's reps hold more open leads
/// than their capacity, so first contacts often miss the 24 h deadline and leads go back to the pool, where the
/// simulation's routing hands them to another rep of the team. The projection's funnel sample used to leave such a lead
/// in the pool for good: 36 wins projected in 13 weeks against the model's 47 (4 seeds), revenue -3.0 %. It now takes
/// them up as the simulation does: 48 wins, revenue +2.2 %.
/// </summary>
public class LoadedProjectionConsistencyTests(ITestOutputHelper output)
{
    [Fact]
    public void On_a_loaded_template_leads_sent_back_to_the_pool_are_won_as_often_as_in_the_model()
    {
        var setup = Growth.Domain.Setup.SetupTemplates.Load().Find("business-software")!.Document;
        var start = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);
        var org = Growth.Domain.Setup.SetupCompiler.Organisation(setup, start);
        var p = Growth.Domain.Setup.SetupCompiler.Parameters(setup, BehaviourParameters.Default);
        const int weeks = 13, seeds = 4;
        var runs = new PlannerRunResult[seeds];
        Parallel.For(0, seeds, i => runs[i] = PlannerSimulation.Run(new PlannerRunSettings
        {
            Organisation = org, Parameters = p, Start = start, Weeks = weeks, Seed = 7 + (ulong)i, ExistingCustomers = 200,
        }));
        var request = new ProjectionRequest { Organisation = org, Parameters = p, ExistingCustomers = 200, Start = start, Weeks = weeks, Paths = 500, Seed = 1 };
        var projection = ProjectionEngine.Run(request);
        var (wins, revenue) = (runs.Average(r => r.Wins), runs.Average(r => r.WeeklyRevenue(weeks)));
        var winGap = (projection.NewCustomers.Mean - wins) / wins;
        var revenueGap = (projection.WeeklyRevenue.Mean - revenue) / revenue;
        output.WriteLine($"model ({seeds} seeds): {wins:N1} wins, {revenue:N0}/week; projection: {projection.NewCustomers.Mean:N1} wins ({winGap:P1}), {projection.WeeklyRevenue.Mean:N0}/week ({revenueGap:P1})");
        Assert.InRange(winGap, -0.15, 0.15);
        Assert.InRange(revenueGap, -0.05, 0.05);
    }
}
