using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Simulation;

/// <summary>
/// The first-contact decay reproduces Oldroyd, McElheran and Elkington (HBR 2011): contact within an hour about 7× as
/// likely to qualify as an hour later, about 60× as likely as a day later; steep in the first hours, then slow.
/// </summary>
public class SpeedToLeadTests
{
    static readonly SpeedToLead D = SpeedToLead.Default;

    static double MeanOver(double from, double to)
    {
        const int n = 10_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += D.At(from + (to - from) * (i + 0.5) / n);
        return sum / n;
    }

    [Fact]
    public void Contact_within_the_first_hour_is_about_seven_times_the_second_hour_and_sixty_times_a_day_later()
    {
        Assert.Equal(1, MeanOver(0, 1), 9);
        Assert.InRange(MeanOver(0, 1) / MeanOver(1, 2), 6.8, 7.4);
        Assert.InRange(1 / D.At(24), 58, 62);
    }

    [Fact]
    public void It_falls_steeply_in_the_first_hours_then_slowly_and_never_rises()
    {
        var previous = 1.0;
        for (var h = 0.0; h <= 168; h += 0.25)
        {
            Assert.True(D.At(h) <= previous, $"rises at {h} h");
            previous = D.At(h);
        }
        // Steep: the second hour loses most of the chance; slow: the second day loses under half of what is left.
        Assert.True(D.At(2) < 0.05);
        Assert.True(D.At(48) / D.At(24) > 0.6);
    }

    [Fact]
    public void Off_it_costs_nothing()
    {
        Assert.Equal(1, (D with { Enabled = false }).At(72));
        Assert.Equal(1, (D with { Enabled = false }).Expected(6));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(6)]
    public void The_expected_multiplier_under_exponential_contact_times_matches_a_seeded_draw(double meanHours)
    {
        var rng = new Prng(11);
        const int n = 200_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += D.At(rng.Exponential(meanHours));
        Assert.Equal(D.Expected(meanHours), sum / n, 2);
    }

    [Fact]
    public void The_model_qualifies_through_the_decay_only_for_real_leads()
    {
        var p = BehaviourParameters.Default;
        Assert.Equal(p.QualifyEffective, Behaviour.QualifyProbability(p, true, 0.5), 9);
        Assert.Equal(p.QualifyEffective * D.At(3), Behaviour.QualifyProbability(p, true, 3), 9);
        Assert.Equal(p.JunkPassRate, Behaviour.QualifyProbability(p, false, 30), 9);
    }

    [Fact]
    public void Sales_cycles_follow_the_kind_of_company_and_name_their_source()
    {
        Assert.Equal(51.8, SalesCycles.Days(CompanyKind.BusinessSoftware));
        Assert.Contains("Maven", SalesCycles.Source(CompanyKind.BusinessSoftware));
        Assert.Null(SalesCycles.Days(CompanyKind.General));
        Assert.Equal(51.8 / 6, SalesCycles.DaysPerStep(51.8), 9);
        Assert.True(SalesCycles.Days(CompanyKind.ConsumerEducation) < SalesCycles.Days(CompanyKind.BusinessSoftware));
        Assert.True(SalesCycles.Days(CompanyKind.IndustrialEquipment) > SalesCycles.Days(CompanyKind.BusinessSoftware));
        Assert.Equal(6, Enum.GetValues<ConversationStep>().Length);
    }
}
