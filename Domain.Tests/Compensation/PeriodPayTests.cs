using Growth.Domain.Compensation;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Compensation;

/// <summary>The period-end parts of pay the projection works out, on small hand-made cases, exact to the cent.</summary>
public class PeriodPayTests
{
    static readonly TeamBonusSetup Bonus = new() { Amount = 1500, Threshold = 1.0 };

    [Fact]
    public void A_team_at_105_percent_pays_its_bonus_to_each_member_and_one_at_99_percent_pays_nothing()
    {
        // Three members, targets 30k + 30k + 40k: the team's target is 100k.
        Assert.Equal(1500, PeriodPay.TeamBonus(Bonus, 105_000, 100_000));
        Assert.Equal(0, PeriodPay.TeamBonus(Bonus, 99_000, 100_000));
        Assert.Equal(1500, PeriodPay.TeamBonus(Bonus, 100_000, 100_000));
        Assert.Equal(0, PeriodPay.TeamBonus(Bonus with { Amount = 0 }, 105_000, 100_000));
        Assert.Equal(0, PeriodPay.TeamBonus(Bonus, 105_000, 0));
    }

    [Fact]
    public void A_churn_within_the_days_claws_back_exactly_the_commission_of_that_deal()
    {
        // One deal of 10,000 at 8 %: 800 earned, all of it taken back.
        Assert.Equal(-800, PeriodPay.Clawback(800, 1, 1));
        // Three deals earning 2,400 between them, one reversed: its third.
        Assert.Equal(-800, PeriodPay.Clawback(2400, 3, 1), 9);
        Assert.Equal(0, PeriodPay.Clawback(2400, 3, 0));
        // More reversals than deals never take back more than was earned.
        Assert.Equal(-2400, PeriodPay.Clawback(2400, 3, 5));
    }

    [Fact]
    public void A_draw_is_advanced_when_pay_falls_short_and_recovered_from_later_pay_above_it()
    {
        // Quarter 1: nothing earned, draw 1,000: 1,000 advanced and owed.
        var (q1, owedAfterQ1) = PeriodPay.Draw(1000, 0, 0);
        Assert.Equal((1000.0, 1000.0), (q1, owedAfterQ1));
        // Quarter 2: 1,600 earned: 600 above the draw recovers 600 of it; 1,000 is paid.
        var (q2, owedAfterQ2) = PeriodPay.Draw(1000, 1600, owedAfterQ1);
        Assert.Equal((-600.0, 400.0), (q2, owedAfterQ2));
        Assert.Equal(1000, 1600 + q2);
        // Quarter 3: 5,000 earned: the last 400 is recovered and nothing is owed.
        var (q3, owedAfterQ3) = PeriodPay.Draw(1000, 5000, owedAfterQ2);
        Assert.Equal((-400.0, 0.0), (q3, owedAfterQ3));
        // Without a draw and nothing owed, no line.
        Assert.Equal((0.0, 0.0), PeriodPay.Draw(0, 300, 0));
    }
}
