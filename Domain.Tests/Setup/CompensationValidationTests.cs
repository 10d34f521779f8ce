using Growth.Domain.Setup;
using static Growth.Domain.Tests.Setup.ValidSetup;

namespace Growth.Domain.Tests.Setup;

public class CompensationValidationTests
{
    static CompensationPlanSetup Tiered => new()
    {
        Id = "tiered", Name = "Tiered",
        Tiers = [new() { From = 0, To = 0.5, Rate = 0.02 }, new() { From = 0.5, To = 1, Rate = 0.06 }, new() { From = 1, To = 2, Rate = 0.10 }],
        Cap = 2, Spiffs = [new() { Product = "gtx-2", Amount = 2000 }],
        TeamBonus = new() { Amount = 1500, Threshold = 1 }, Clawback = new() { Days = 90 }, Draw = 3000,
        AppliesTo = new() { Teams = ["north-1"] },
    };

    static SetupDocument With(params CompensationPlanSetup[] plans) => Document() with { Compensation = new() { Plans = plans } };

    static SetupDocument WithPlan(Func<CompensationPlanSetup, CompensationPlanSetup> change) => With(change(Tiered));

    [Fact]
    public void A_full_plan_and_a_default_plan_are_valid() =>
        Assert.Empty(SetupValidator.Validate(With(Tiered, CompensationPlanSetup.Flat)));

    [Fact]
    public void An_empty_setup_has_no_plans_and_is_valid()
    {
        Assert.Empty(new SetupDocument().Compensation.Plans);
        Assert.Empty(SetupValidator.Validate(new SetupDocument()));
    }

    [Fact]
    public void The_default_plan_is_todays_flat_8_percent()
    {
        var flat = CompensationPlanSetup.Flat;
        Assert.Equal(0.08, Assert.Single(flat.Tiers).Rate);
        Assert.Equal(Growth.Domain.Projection.IncentivePlan.Current.CommissionRate, flat.Tiers[0].Rate);
        Assert.Null(flat.Cap);
        Assert.Equal(CreditBasis.Booking, flat.Basis);
    }

    [Fact]
    public void Tiers_must_be_contiguous() =>
        Assert.Contains("must start where the tier before ends (0.5)", SingleProblem(
            WithPlan(p => p with { Tiers = [new() { From = 0, To = 0.5, Rate = 0.02 }, new() { From = 0.6, Rate = 0.06 }] }),
            "compensation.plans[0].tiers[1].from"));

    [Fact]
    public void The_first_tier_starts_at_zero() =>
        SingleProblem(WithPlan(p => p with { Tiers = [new() { From = 0.2, Rate = 0.02 }] }), "compensation.plans[0].tiers[0].from");

    [Fact]
    public void Tier_rates_may_not_fall() =>
        Assert.Contains("must not be below the rate of the tier before", SingleProblem(
            WithPlan(p => p with { Tiers = [new() { From = 0, To = 1, Rate = 0.08 }, new() { From = 1, Rate = 0.04 }] }),
            "compensation.plans[0].tiers[1].rate"));

    [Fact]
    public void A_tier_ends_above_where_it_starts() =>
        SingleProblem(WithPlan(p => p with { Tiers = [new() { From = 0, To = 0, Rate = 0.02 }], Cap = null }), "compensation.plans[0].tiers[0].to");

    [Theory]
    [InlineData(-0.1), InlineData(1.5)]
    public void Rates_are_between_0_and_1(double rate) =>
        SingleProblem(WithPlan(p => p with { Tiers = [new() { From = 0, Rate = rate }] }), "compensation.plans[0].tiers[0].rate");

    [Fact]
    public void A_cap_is_at_least_100_percent() =>
        Assert.Equal("must be 1 or more (was 0.9)", SingleProblem(WithPlan(p => p with { Cap = 0.9 }), "compensation.plans[0].cap"));

    [Fact]
    public void A_spiff_per_channel_names_a_channel_and_a_spiff_names_a_product_or_a_channel()
    {
        Assert.Empty(SetupValidator.Validate(WithPlan(p => p with { Spiffs = [new() { Channel = "Referral", Amount = 500 }, new() { Product = "gtx-2", Channel = "ads", Amount = 100 }] })));
        Assert.Equal("unknown channel 'radio' (use ads, events, email, social, referral, partner)".Split(" (use")[0],
            SingleProblem(WithPlan(p => p with { Spiffs = [new() { Channel = "radio", Amount = 100 }] }), "compensation.plans[0].spiffs[0].channel").Split(" (use")[0]);
        Assert.Equal("needs a product or a channel (the kind of deal it is paid on)",
            SingleProblem(WithPlan(p => p with { Spiffs = [new() { Amount = 100 }] }), "compensation.plans[0].spiffs[0]"));
    }

    [Fact]
    public void A_spiff_names_a_product_of_the_catalogue() =>
        Assert.Equal("unknown product 'gtx-9'", SingleProblem(WithPlan(p => p with { Spiffs = [new() { Product = "gtx-9", Amount = 100 }] }),
            "compensation.plans[0].spiffs[0].product"));

    [Fact]
    public void A_plan_names_known_reps_teams_and_regions()
    {
        Assert.Equal("unknown rep 'rep-99'", SingleProblem(WithPlan(p => p with { AppliesTo = new() { Reps = ["rep-99"] } }), "compensation.plans[0].appliesTo.reps[0]"));
        SingleProblem(WithPlan(p => p with { AppliesTo = new() { Teams = ["north"] } }), "compensation.plans[0].appliesTo.teams[0]");
        SingleProblem(WithPlan(p => p with { AppliesTo = new() { Regions = ["west"] } }), "compensation.plans[0].appliesTo.regions[0]");
    }

    [Theory]
    [InlineData("basePay"), InlineData("onTargetEarnings"), InlineData("draw"), InlineData("spiffs[0].amount"), InlineData("teamBonus.amount")]
    public void Amounts_are_not_negative(string field)
    {
        var plan = field switch
        {
            "basePay" => Tiered with { BasePay = -1 },
            "onTargetEarnings" => Tiered with { OnTargetEarnings = -1 },
            "draw" => Tiered with { Draw = -1 },
            "spiffs[0].amount" => Tiered with { Spiffs = [new() { Product = "gtx-2", Amount = -5 }] },
            _ => Tiered with { TeamBonus = new() { Amount = -1 } },
        };
        SingleProblem(With(plan), "compensation.plans[0]." + field);
    }

    [Fact]
    public void Clawback_days_are_not_negative() =>
        SingleProblem(WithPlan(p => p with { Clawback = new() { Days = -3 } }), "compensation.plans[0].clawback.days");

    [Fact]
    public void Two_plans_may_not_pay_the_same_rep_on_the_same_day()
    {
        var a = Tiered with { Id = "a", AppliesTo = new() { Reps = ["rep-1"] }, EffectiveFrom = new(2027, 1, 1), EffectiveTo = new(2027, 6, 30) };
        var b = Tiered with { Id = "b", AppliesTo = new() { Reps = ["rep-2", "rep-1"] }, EffectiveFrom = new(2027, 6, 1) };
        Assert.Contains("'b' is in force on the same days as plan 'a' for rep 'rep-1'", SingleProblem(With(a, b), "compensation.plans[1].effectiveFrom"));
        Assert.Empty(SetupValidator.Validate(With(a, b with { EffectiveFrom = new(2027, 7, 1) })));
    }

    [Fact]
    public void Two_default_plans_may_not_overlap() =>
        SingleProblem(With(CompensationPlanSetup.Flat, CompensationPlanSetup.Flat with { Id = "flat-2" }), "compensation.plans[1].effectiveFrom");

    [Fact]
    public void Plan_ids_are_unique_and_dates_in_order()
    {
        Assert.StartsWith("duplicate plan id", SingleProblem(With(Tiered, CompensationPlanSetup.Flat with { Id = "tiered" }), "compensation.plans[1].id"));
        SingleProblem(WithPlan(p => p with { EffectiveFrom = new(2027, 2, 1), EffectiveTo = new(2027, 1, 1) }), "compensation.plans[0].effectiveTo");
    }

    [Fact]
    public void The_compensation_part_travels_as_yaml_and_json()
    {
        var document = With(Tiered, CompensationPlanSetup.Flat);
        Assert.Contains("compensation", SetupFormat.Parts);
        foreach (var format in new[] { SetupFileFormat.Yaml, SetupFileFormat.Json })
        {
            var back = SetupFormat.Read(SetupFormat.Write(document, format), format);
            Assert.Empty(SetupDiff.Compare(document, back));
            var part = SetupFormat.WritePart(document, "compensation", format);
            Assert.Empty(SetupDiff.Compare(document, SetupFormat.ReadPart(Document(), "compensation", part, format)));
        }
    }

    [Fact]
    public void A_misspelt_plan_field_is_named()
    {
        var e = Assert.Throws<InvalidSetupException>(() => SetupFormat.ReadPart(Document(), "compensation", "plans:\n  - id: x\n    tires: []\n", SetupFileFormat.Yaml));
        Assert.Equal("compensation.plans[0].tires", Assert.Single(e.Problems).Path);
    }

    [Fact]
    public void Plan_changes_are_keyed_by_plan_id()
    {
        var before = With(Tiered);
        var after = With(Tiered with { Cap = 3 });
        Assert.Equal("compensation.plans[tiered].cap", Assert.Single(SetupDiff.Compare(before, after)).Path);
    }
}
