using Growth.Domain.Compensation;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Compensation;

public class PayoutTests
{
    static readonly FiscalCalendar Calendar = FiscalCalendar.Default;
    static readonly FiscalPeriod Q1 = Calendar.Find("FY2027-Q1")!;
    static readonly FiscalPeriod Q2 = Calendar.Find("FY2027-Q2")!;

    /// <summary>2 % up to half the target, 6 % up to the target, 10 % up to twice it; nothing above.</summary>
    internal static CompensationPlanSetup Tiered => new()
    {
        Id = "tiered", Name = "Tiered",
        Tiers = [new() { From = 0, To = 0.5, Rate = 0.02 }, new() { From = 0.5, To = 1, Rate = 0.06 }, new() { From = 1, To = 2, Rate = 0.10 }],
        Cap = 2,
    };

    /// <summary>One team of two reps (quota 100,000 a quarter each), calendar fiscal year in UTC.</summary>
    internal static SetupDocument Setup(params CompensationPlanSetup[] plans) => new()
    {
        Organisation = new()
        {
            Regions =
            [
                new()
                {
                    Id = "north", Name = "North",
                    Teams = [new() { Id = "team-a", Name = "A", Reps = [new() { Id = "rep-1", Name = "Ann", Quota = 100_000 }, new() { Id = "rep-2", Name = "Bo", Quota = 100_000 }] }],
                },
            ],
        },
        Catalogue = new() { Products = [new() { Id = "x", Name = "X", ListPrice = 5000 }] },
        Compensation = new() { Plans = plans },
    };

    internal static Credit Win(string rep, decimal amount, int month = 1, int day = 10, string? product = null, string? journey = null) =>
        new(journey ?? $"{rep}-{month}-{day}-{amount}", rep, new DateTimeOffset(2027, month, day, 12, 0, 0, TimeSpan.Zero), amount, product);

    static PayoutStatement Rep1(CompensationReport report) => Assert.Single(report.Statements, s => s.RepId == "rep-1");

    static CompensationReport Pay(SetupDocument setup, FiscalPeriod period, params Credit[] wins) =>
        Payouts.Compute(setup, period, new PayoutActivity { Wins = wins });

    [Theory]
    [InlineData(40_000, 800, 0.4)]        // under quota: all in the 2 % tier
    [InlineData(100_000, 4_000, 1.0)]     // at quota: 50,000 at 2 % + 50,000 at 6 %
    [InlineData(150_000, 9_000, 1.5)]     // over quota: + 50,000 at 10 %
    [InlineData(250_000, 14_000, 2.5)]    // above the cap of 200 %: the last 50,000 earn nothing
    public void Commission_is_marginal_by_tier_up_to_the_cap(double credited, double commission, double attainment)
    {
        var s = Rep1(Pay(Setup(Tiered), Q1, Win("rep-1", (decimal)credited)));
        Assert.Equal((decimal)commission, s.Commission);
        Assert.Equal(attainment, s.Attainment, 9);
        Assert.Equal(100_000m, s.Target);
        Assert.Equal(s.Total, s.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void One_deal_across_tiers_is_split_into_a_line_per_tier_naming_the_deal()
    {
        var s = Rep1(Pay(Setup(Tiered), Q1, Win("rep-1", 30_000, day: 5, journey: "j-1"), Win("rep-1", 200_000, day: 6, journey: "j-2")));
        var lines = s.Lines.Where(l => l.JourneyId == "j-2").ToList();
        // j-2 covers 30,000..230,000 of a 100,000 target: 20,000 at 2 %, 50,000 at 6 %, 100,000 at 10 %, 30,000 above the cap.
        Assert.Equal([(0, 20_000m, 400m), (1, 50_000m, 3_000m), (2, 100_000m, 10_000m)], lines.Where(l => l.Tier is not null).Select(l => (l.Tier!.Value, l.Revenue, l.Amount)));
        Assert.Equal((30_000m, 0m), Assert.Single(lines, l => l.Tier is null) is var above ? (above.Revenue, above.Amount) : default);
        Assert.Equal((0, 30_000m, 600m), s.Lines.Where(l => l.JourneyId == "j-1").Select(l => (l.Tier!.Value, l.Revenue, l.Amount)).Single());
    }

    [Fact]
    public void Commission_rises_with_credited_revenue_and_faster_above_quota()
    {
        decimal At(decimal credited) => Rep1(Pay(Setup(Tiered), Q1, Win("rep-1", credited))).Commission;
        Assert.True(At(120_000) - At(110_000) > At(60_000) - At(50_000));
        Assert.True(At(60_000) - At(50_000) > At(30_000) - At(20_000));
        Assert.Equal(At(200_000), At(300_000));
    }

    [Fact]
    public void An_empty_setup_pays_todays_flat_8_percent()
    {
        var report = Pay(Setup(), Q1, Win("rep-1", 12_345.67m), Win("rep-2", 1000m));
        Assert.Equal(987.65m, Rep1(report).Commission);     // 12,345.67 × 8 % = 987.6536
        Assert.Equal("flat", Rep1(report).PlanId);
        Assert.Equal(1067.65m, report.Total);
        Assert.Equal(13_345.67m, report.Revenue);
    }

    [Fact]
    public void Company_payout_is_exactly_the_sum_of_the_statements_line_by_line_in_cents()
    {
        var wins = Enumerable.Range(1, 60).Select(i => Win(i % 2 == 0 ? "rep-1" : "rep-2", 1234.567m * i + 0.005m, 1 + i % 3, 1 + i % 27, journey: $"j-{i}")).ToArray();
        var report = Pay(Setup(Tiered with { Spiffs = [new() { Product = "x", Amount = 333.335m }], TeamBonus = new() { Amount = 999.999m } }), Q1, wins);
        Assert.Equal(report.Total, report.Statements.Sum(s => s.Total));
        foreach (var s in report.Statements)
        {
            Assert.Equal(s.Total, s.Lines.Sum(l => l.Amount));
            Assert.All(s.Lines, l => Assert.Equal(l.Amount, Math.Round(l.Amount, 2)));
            Assert.Equal(s.Credited, wins.Where(w => w.RepId == s.RepId).Sum(w => w.Amount));
        }
    }

    [Fact]
    public void A_spiff_is_paid_per_won_deal_of_its_product()
    {
        var plan = Tiered with { Spiffs = [new() { Product = "x", Amount = 2000 }] };
        var s = Rep1(Pay(Setup(plan), Q1, Win("rep-1", 5000, product: "x"), Win("rep-1", 5000, day: 11, product: "x"), Win("rep-1", 5000, day: 12)));
        Assert.Equal(4000m, s.Spiffs);
        Assert.Equal(2, s.Lines.Count(l => l.Kind == PayoutLineKind.Spiff && l.JourneyId is not null));
    }

    [Fact]
    public void A_spiff_per_channel_is_paid_on_the_deals_from_that_channel_and_a_deal_earns_every_spiff_it_matches()
    {
        var plan = Tiered with { Spiffs = [new() { Channel = "referral", Amount = 500 }, new() { Product = "x", Amount = 2000 }] };
        Credit From(Growth.Domain.Journeys.Channel channel, int day, string? product = null) => Win("rep-1", 5000, day: day, product: product, journey: $"j{day}") with { Channel = channel };
        var s = Rep1(Pay(Setup(plan), Q1, From(Growth.Domain.Journeys.Channel.Referral, 10), From(Growth.Domain.Journeys.Channel.Referral, 11, "x"),
            From(Growth.Domain.Journeys.Channel.Ads, 12), From(Growth.Domain.Journeys.Channel.Ads, 13, "x")));
        // Referral deals 500 each (2), product x deals 2,000 each (2): the referral deal of x earns both.
        Assert.Equal(5000m, s.Spiffs);
        var lines = s.Lines.Where(l => l.Kind == PayoutLineKind.Spiff).ToList();
        Assert.Equal(["j10", "j11", "j11", "j13"], lines.Select(l => l.JourneyId!).Order());
        Assert.Contains(lines, l => l.JourneyId == "j10" && l.Note == "spiff on referral deals" && l.Amount == 500);
        Assert.Equal(s.Total, s.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void The_team_bonus_needs_the_teams_attainment_to_reach_the_threshold()
    {
        var plan = Tiered with { TeamBonus = new() { Amount = 1500, Threshold = 1 } };
        var met = Pay(Setup(plan), Q1, Win("rep-1", 120_000), Win("rep-2", 80_000));     // 200,000 of 200,000
        Assert.All(met.Statements, s => Assert.Equal(1500m, s.Bonus));
        var missed = Pay(Setup(plan), Q1, Win("rep-1", 120_000), Win("rep-2", 79_999.99m));
        Assert.All(missed.Statements, s => Assert.Equal(0m, s.Bonus));
    }

    [Fact]
    public void A_refund_within_the_clawback_days_takes_back_the_commission_and_one_after_does_not()
    {
        var plan = CompensationPlanSetup.Flat with { Clawback = new() { Days = 90 } };
        var won = Win("rep-1", 10_000, 1, 10, journey: "j-1");
        Reversal Refund(int month, int day) => new("j-1", "rep-1", ReversalKind.Refund, won.At, new DateTimeOffset(2027, month, day, 12, 0, 0, TimeSpan.Zero), 10_000);
        var within = Rep1(Payouts.Compute(Setup(plan), Q1, new PayoutActivity { Wins = [won], Reversals = [Refund(2, 1)] }));
        Assert.Equal(-800m, within.Clawbacks);
        Assert.Equal(0m, within.Total);
        Assert.Equal("j-1", Assert.Single(within.Lines, l => l.Kind == PayoutLineKind.Clawback).JourneyId);
        var after = Rep1(Payouts.Compute(Setup(plan), Q2, new PayoutActivity { Wins = [won], Reversals = [Refund(5, 1)] }));   // 111 days
        Assert.Equal(0m, after.Clawbacks);
        var churnInTime = Rep1(Payouts.Compute(Setup(plan), Q2, new PayoutActivity
        {
            Wins = [won, Win("rep-1", 5000, 4, 2)],
            Reversals = [new("j-1", "rep-1", ReversalKind.Churn, won.At, new DateTimeOffset(2027, 4, 5, 0, 0, 0, TimeSpan.Zero), 10_000)],
        }));
        Assert.Equal(-800m, churnInTime.Clawbacks);    // 85 days: 10,000 at the period's 8 %
    }

    [Fact]
    public void On_a_collection_basis_payments_are_credited_not_wins()
    {
        var plan = CompensationPlanSetup.Flat with { Basis = CreditBasis.Collection };
        var s = Rep1(Payouts.Compute(Setup(plan), Q1, new PayoutActivity
        {
            Wins = [Win("rep-1", 50_000)],
            Payments = [Win("rep-1", 20_000, 2, 1) with { LedgerEntry = "j/pay-1" }, Win("rep-1", 30_000, 4, 2)],
        }));
        Assert.Equal(20_000m, s.Credited);
        Assert.Equal(1600m, s.Commission);
        Assert.Equal("j/pay-1", Assert.Single(s.Lines).LedgerEntry);
    }

    [Fact]
    public void A_draw_tops_up_a_short_period_and_is_recovered_later_in_the_year()
    {
        var plan = Tiered with { Draw = 3000 };
        var wins = new[] { Win("rep-1", 40_000), Win("rep-1", 150_000, 5, 2) };
        var q1 = Rep1(Pay(Setup(plan), Q1, wins));
        Assert.Equal((800m, 2200m, 3000m, 2200m), (q1.Commission, q1.Draws, q1.Total, q1.DrawOutstanding));
        var q2 = Rep1(Pay(Setup(plan), Q2, wins));
        Assert.Equal((9000m, -2200m, 6800m, 0m), (q2.Commission, q2.Draws, q2.Total, q2.DrawOutstanding));
    }

    [Fact]
    public void Base_pay_is_paid_each_period_and_on_target_earnings_shown()
    {
        var s = Rep1(Pay(Setup(Tiered with { BasePay = 15_000, OnTargetEarnings = 19_000 }), Q1));
        Assert.Equal((15_000m, 15_000m, 19_000m), (s.BasePay, s.Total, s.OnTargetEarnings));
    }

    [Fact]
    public void A_monthly_plan_gives_three_statements_in_a_quarter_each_against_a_month_of_quota()
    {
        var report = Pay(Setup(Tiered with { Period = MeasurementPeriod.Month }), Q1, Win("rep-1", 40_000, 2, 3));
        var rep1 = report.Statements.Where(s => s.RepId == "rep-1").ToList();
        Assert.Equal(["FY2027-M01", "FY2027-M02", "FY2027-M03"], rep1.Select(s => s.Period));
        Assert.Equal(33_333.33m, rep1[1].Target);
        // 16,666.67 at 2 %, 16,666.66 at 6 %, 6,666.67 at 10 %
        Assert.Equal(333.33m + 1000.00m + 666.67m, rep1[1].Commission);
    }

    [Fact]
    public void A_plan_for_a_rep_beats_one_for_the_team_and_the_default_plan()
    {
        var forRep = Tiered with { Id = "rep-plan", AppliesTo = new() { Reps = ["rep-1"] } };
        var forTeam = CompensationPlanSetup.Flat with { Id = "team-plan", AppliesTo = new() { Teams = ["team-a"] } };
        var report = Pay(Setup(CompensationPlanSetup.Flat, forTeam, forRep), Q1);
        Assert.Equal(["rep-plan", "team-plan"], report.Statements.Select(s => s.PlanId));
        var later = forRep with { EffectiveFrom = new(2027, 4, 1) };
        Assert.Equal("team-plan", Rep1(Pay(Setup(CompensationPlanSetup.Flat, forTeam, later), Q1)).PlanId);
    }
}
