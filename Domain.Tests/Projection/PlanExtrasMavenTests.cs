using Growth.Domain.Compensation;
using Growth.Domain.Organisations;
using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Tests.Compensation;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// On the workspace calibrated on the Maven history: deals pulled in and discounts near a tier move the figures in
/// their direction, and the team bonus, clawbacks and draws cost what they should.
/// </summary>
public class PlanExtrasMavenTests(ITestOutputHelper output)
{
    static readonly Dictionary<string, double> NoProducts = [];
    static Organisation Fitted => PlanComparisonMavenTests.Fitted.Value.Organisation;

    static ProjectionRequest Request(Organisation organisation, int weeks) => new()
    {
        Organisation = organisation, Parameters = PlanComparisonMavenTests.Fitted.Value.Parameters,
        Weeks = weeks, Paths = 400, Seed = 11, CalibrationLeads = 6000, Start = PlanComparisonMavenTests.Fitted.Value.To,
    };

    static PlanOption Everyone(Organisation org, CompensationPlanSetup plan) => new(plan.Id, org.Reps.ToDictionary(r => r.Id, _ => plan));

    /// <summary>Quarterly targets at what each rep sells a quarter under the flat plan over <paramref name="weeks"/>, so thresholds are in play.</summary>
    static Organisation ReachableOver(int weeks)
    {
        var flat = PlanComparison.Compare(Request(Fitted, weeks), [Everyone(Fitted, CompensationPlanSetup.Flat)], NoProducts);
        var sold = flat.Options[0].Reps.ToDictionary(r => r.RepId, r => r.Payout.Mean / 0.08 / (weeks / 13.0));
        return Fitted with { Teams = Fitted.Teams.Select(t => t with { Reps = t.Reps.Select(r => r with { Target = Math.Max(1000m, Math.Round((decimal)sold[r.Id], 0)) }).ToList() }).ToList() };
    }

    [Fact]
    public void Near_the_accelerator_at_the_quarters_end_reps_pull_next_quarters_deals_in_and_discount_them()
    {
        // One quarter, targets at what each rep sells in it: deals pulled in come from beyond the horizon, so the quarter books more of them.
        var org = ReachableOver(13);
        var plan = Everyone(org, PlanResponseTests.Accelerated);
        var none = PlanResponseParameters.Default with { PullInShare = 0, PullInDiscount = 0 };
        PlanOutcome Run(PlanResponseParameters response) => PlanComparison.Compare(Request(org, 13), [plan], NoProducts, response).Options[0];
        var (off, pulled, discounted) = (Run(none), Run(none with { PullInShare = 0.15 }), Run(none with { PullInDiscount = 0.05 }));
        output.WriteLine($"new business: no pull-in {off.NewBusiness.Mean:N0}, pull-in {pulled.NewBusiness.Mean:N0}, discount only {discounted.NewBusiness.Mean:N0}");
        // Deals due within 30 days of the quarter's end, pulled with a chance of at most 15 %: a few tenths of a percent of the quarter's new business.
        Assert.True(pulled.NewBusiness.Mean > off.NewBusiness.Mean * 1.002, "deals pulled into the quarter");
        Assert.True(pulled.NewBusiness.Mean < off.NewBusiness.Mean * 1.02, "pull-ins stay a few percent of a quarter at most");
        // The discount alone changes no draw: every deal closed in the window is worth less, up to 5 % of all of them.
        Assert.True(discounted.NewBusiness.Mean < off.NewBusiness.Mean);
        Assert.True(discounted.NewBusiness.Mean > off.NewBusiness.Mean * 0.95);
    }

    [Fact]
    public void On_the_calibrated_workspace_team_bonus_clawback_and_draw_cost_what_they_should()
    {
        var org = ReachableOver(26);
        var reps = org.Reps.Count();
        var flat = CompensationPlanSetup.Flat;
        var always = flat with { Id = "bonus", TeamBonus = new() { Amount = 1000, Threshold = 0 } };
        var quota = flat with { Id = "bonus at quota", TeamBonus = new() { Amount = 1000, Threshold = 1 } };
        var claw = flat with { Id = "clawback", Clawback = new() { Days = 180 } };
        var draw = flat with { Id = "draw", Draw = 10_000_000m };
        var result = PlanComparison.Compare(Request(org, 26), [Everyone(org, flat), Everyone(org, always), Everyone(org, quota), Everyone(org, claw), Everyone(org, draw)], NoProducts);
        var (f, a, q, c, d) = (result.Options[0], result.Options[1], result.Options[2], result.Options[3], result.Options[4]);
        output.WriteLine(string.Join("; ", result.Options.Select(o => $"{o.Name}: cost {o.CostOfSales.Mean:N0} (bonus {o.Pay!.TeamBonus:N0}, clawbacks {o.Pay.Clawbacks:N0}, draws {o.Pay.Draws:N0})")));
        Assert.Equal(f.CostOfSales.Mean + 1000.0 * reps * 2, a.CostOfSales.Mean, 2);
        Assert.InRange(q.Pay!.TeamBonus, 1, 1000.0 * reps * 2 - 1);
        Assert.True(c.Pay!.Clawbacks < 0, "the calibrated customers churn or are refunded within 180 days");
        Assert.True(c.CostOfSales.Mean < f.CostOfSales.Mean);
        Assert.Equal(f.NewBusiness.Mean, c.NewBusiness.Mean);
        Assert.Equal(10_000_000.0 * reps * 2, d.CostOfSales.Mean, 0);
    }
}
