using Growth.Domain.Projection;
using Growth.Domain.Simulation;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// The projection against the model on a company that starts with deals in flight: the industrial-equipment template
/// opens 150 opportunities part-way through their steps (<see cref="InFlightDeals"/>), and its 90-day cycle wins few new
/// leads within a quarter, so those deals carry the quarter. The projection used to close them as fresh opportunities,
/// measured from their opening (session 11: 32.6 wins and 225,702 a week against the model's 58.2 and 486,043); it now
/// measures a sample of such deals walked through the planner (<see cref="FunnelKernels.WinInFlight"/>) and counts their
/// wins, signed orders, repurchases, referrals and cash by week since the start. The deals' own share (the run with them
/// less the run without) is held to 5 %, and so is the whole quarter.
/// </summary>
public class InFlightProjectionConsistencyTests(ITestOutputHelper output)
{
    const int Weeks = 13, Seeds = 48;
    static readonly DateTimeOffset Start = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_projection_started_with_deals_in_flight_wins_and_books_as_the_model_does()
    {
        var setup = Growth.Domain.Setup.SetupTemplates.Load().Find("industrial-equipment")!.Document;
        var org = Growth.Domain.Setup.SetupCompiler.Organisation(setup, Start);
        var with = Growth.Domain.Setup.SetupCompiler.Parameters(setup, BehaviourParameters.Default);
        Assert.Equal(150, with.Rules.InFlightDeals);
        var without = with with { Rules = with.Rules with { InFlightDeals = 0 } };

        (double Wins, double Revenue) Model(BehaviourParameters p)
        {
            var runs = new PlannerRunResult[Seeds];
            Parallel.For(0, Seeds, i => runs[i] = PlannerSimulation.Run(new PlannerRunSettings
            {
                Organisation = org, Parameters = p, Start = Start, Weeks = Weeks, Seed = 7 + (ulong)i,
            }));
            return (runs.Average(r => r.Wins), runs.Average(r => r.WeeklyRevenue(Weeks)));
        }
        (double Wins, double Revenue) Projected(BehaviourParameters p)
        {
            var projection = ProjectionEngine.Run(new ProjectionRequest
            {
                Organisation = org, Parameters = p, Start = Start, Weeks = Weeks, Paths = 1000, Seed = 1, CalibrationLeads = 64_000,
                OpenOpportunities = p.Rules.InFlightDeals,
            });
            return (projection.NewCustomers.Mean, projection.WeeklyRevenue.Mean);
        }

        var (model, modelBase) = (Model(with), Model(without));
        var (projected, projectedBase) = (Projected(with), Projected(without));
        var (dealWins, dealRevenue) = (model.Wins - modelBase.Wins, model.Revenue - modelBase.Revenue);
        var (projectedDealWins, projectedDealRevenue) = (projected.Wins - projectedBase.Wins, projected.Revenue - projectedBase.Revenue);
        output.WriteLine($"model ({Seeds} seeds): {model.Wins:N1} wins, {model.Revenue:N0}/week ({modelBase.Wins:N1} and {modelBase.Revenue:N0} without the deals); "
            + $"projection: {projected.Wins:N1} wins, {projected.Revenue:N0}/week ({projectedBase.Wins:N1} and {projectedBase.Revenue:N0} without)");
        output.WriteLine($"the deals' share: {projectedDealWins:N1} wins against {dealWins:N1} ({Gap(projectedDealWins, dealWins):P1}), "
            + $"{projectedDealRevenue:N0}/week against {dealRevenue:N0} ({Gap(projectedDealRevenue, dealRevenue):P1}); whole quarter: "
            + $"wins {Gap(projected.Wins, model.Wins):P1}, revenue {Gap(projected.Revenue, model.Revenue):P1}");
        Assert.InRange(Gap(projectedDealWins, dealWins), -0.05, 0.05);
        Assert.InRange(Gap(projectedDealRevenue, dealRevenue), -0.05, 0.05);
        Assert.InRange(Gap(projected.Wins, model.Wins), -0.05, 0.05);
        Assert.InRange(Gap(projected.Revenue, model.Revenue), -0.05, 0.05);
    }

    static double Gap(double projected, double model) => (projected - model) / model;
}
