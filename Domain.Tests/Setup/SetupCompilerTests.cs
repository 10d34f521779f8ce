using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Setup;

public class SetupCompilerTests
{
    static readonly DateTimeOffset AsOf = new(2027, 2, 10, 0, 0, 0, TimeSpan.Zero);

    internal static SetupDocument Company() => new()
    {
        Organisation = new OrganisationSetup
        {
            Regions =
            [
                new RegionSetup
                {
                    Id = "north", Name = "North",
                    Teams =
                    [
                        new TeamSetup
                        {
                            Id = "north-1", Name = "North hunters", Leader = "Ada Lead", Assignment = AssignmentRule.RoundRobin,
                            Reps =
                            [
                                new RepSetup { Id = "ann", Name = "Ann", Capacity = 30, Incentive = 0.7, Quota = 90_000, HireDate = new DateOnly(2027, 1, 1),
                                    Skills = new SkillsSetup { Opening = 0.9, Close = 0.3 } },
                                new RepSetup { Id = "bob", Name = "Bob", Quota = 60_000 },
                            ],
                        },
                    ],
                },
                new RegionSetup { Id = "south", Name = "South", Teams = [new TeamSetup { Id = "south-1", Name = "South", Reps = [new RepSetup { Id = "cy", Name = "Cy", Quota = 50_000 }] }] },
            ],
        },
        Catalogue = new CatalogueSetup
        {
            Products = [new ProductSetup { Id = "basic", Name = "Basic", ListPrice = 1000, Mix = 3 }, new ProductSetup { Id = "pro", Name = "Pro", ListPrice = 5000, Mix = 1 }],
            PriceLists = [new PriceListSetup { Id = "south-prices", Region = "south", Prices = [new PriceSetup { Product = "pro", Price = 4000 }] }],
        },
        Channels = new ChannelsSetup
        {
            Campaigns =
            [
                new CampaignSetup { Id = "fair", Name = "Trade fair", Channel = Channel.Events, Budget = 7000, Period = BudgetPeriod.Week, Regions = ["north"],
                    Start = new DateOnly(2027, 3, 1), End = new DateOnly(2027, 3, 31), JunkShare = 0.2, CostModel = CostModel.PerLead, CostPerUnit = 100 },
                new CampaignSetup { Id = "ads", Name = "Ads", Channel = Channel.Ads, Budget = 3652.5m, Period = BudgetPeriod.Year },
            ],
        },
        PaymentTerms = new PaymentTermsSetup { Days = 45, OnTimeShare = 0.6, LateCollectedShare = 0.9, DaysLate = 12 },
    };

    [Fact]
    public void Regions_teams_and_reps_are_compiled_with_their_skills_capacity_incentive_quota_and_hire_date()
    {
        var org = SetupCompiler.Organisation(Company(), AsOf);
        Assert.Equal(["north", "south"], org.Regions.Select(r => r.Id));
        Assert.Equal(["north-1"], org.Regions[0].TeamIds);
        var team = org.Teams.Single(t => t.Id == "north-1");
        Assert.Equal(("north", "Ada Lead", AssignmentRule.RoundRobin), (team.RegionId, team.LeaderName, team.Rule));
        var ann = team.Reps[0];
        Assert.Equal([0.9, 0.5, 0.5, 0.5, 0.5, 0.3], ann.Skills);
        Assert.Equal((30, 0.7, 90_000m, "north-1"), (ann.Capacity, ann.Incentive, ann.Target, ann.TeamId));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), ann.HireDate);
        Assert.Null(team.Reps[1].HireDate);
    }

    [Fact]
    public void Campaigns_get_a_daily_budget_their_regions_dates_and_own_costs()
    {
        var org = SetupCompiler.Organisation(Company(), AsOf);
        var fair = org.Campaigns.Single(c => c.Id == "fair");
        Assert.Equal(1000m, fair.DailyBudget);
        Assert.Equal(["north"], fair.RegionIds);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), fair.Start);
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), fair.End);
        Assert.Equal((CostModel.PerLead, 100m), (fair.CostModel, fair.CostPerUnit));
        Assert.Equal(0.8, fair.EffectiveShare!.Value, 9);
        var ads = org.Campaigns.Single(c => c.Id == "ads");
        Assert.Equal(10m, ads.DailyBudget);
        Assert.Equal(["north", "south"], ads.RegionIds);
    }

    [Fact]
    public void An_empty_organisation_stays_empty_so_the_simulation_generates_one()
    {
        var org = SetupCompiler.Organisation(new SetupDocument(), AsOf);
        Assert.Empty(org.Regions);
        Assert.Empty(org.Teams);
    }

    [Fact]
    public void Parameters_take_the_catalogue_prices_and_payment_terms()
    {
        var basis = BehaviourParameters.Default;
        var p = SetupCompiler.Parameters(Company(), basis);
        Assert.Equal(2000m, p.ListPrice);
        Assert.Equal(Math.Round(2000m * basis.MedianBudget / basis.ListPrice, 0), p.MedianBudget);
        Assert.Equal((45.0, 0.6, 0.9, 12.0), (p.PaymentTermsDays, p.OnTimePaymentRate, p.LatePaymentRate, p.DaysLate));
        Assert.NotNull(p.Prices);
        var pro = p.Prices!.Products.Single(x => x.Id == "pro");
        Assert.Equal(4000m, p.Prices.PriceIn(pro, "south"));
        Assert.Equal(5000m, p.Prices.PriceIn(pro, "north"));
    }

    [Fact]
    public void An_empty_catalogue_keeps_the_basis_prices()
    {
        var p = SetupCompiler.Parameters(new SetupDocument(), BehaviourParameters.Default);
        Assert.Null(p.Prices);
        Assert.Equal(BehaviourParameters.Default.ListPrice, p.ListPrice);
        Assert.Equal(BehaviourParameters.Default.MedianBudget, p.MedianBudget);
    }

    [Fact]
    public void The_price_book_draws_products_by_their_mix()
    {
        var book = SetupCompiler.PriceBook(Company().Catalogue);
        var rng = new Prng(7);
        var basic = Enumerable.Range(0, 4000).Count(_ => book.Draw(rng)!.Id == "basic");
        Assert.InRange(basic / 4000.0, 0.72, 0.78);
    }

    [Fact]
    public void A_campaign_spends_and_brings_leads_only_between_its_start_and_end()
    {
        var fair = SetupCompiler.Organisation(Company(), AsOf).Campaigns.Single(c => c.Id == "fair");
        var p = BehaviourParameters.Default;
        var before = CampaignReach.Run(fair, p, new Prng(1), new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((0L, 0m, 0), (before.Touches, before.Spend, before.Leads.Count));
        var after = CampaignReach.Run(fair, p, new Prng(1), new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(after.Leads);
        // Per lead at 100 a lead: 10 days at 1000 a day buy about 100 leads.
        var during = CampaignReach.Run(fair, p, new Prng(1), new DateTimeOffset(2027, 3, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(10_000m, during.Spend);
        Assert.InRange(during.Leads.Count, 70, 130);
    }

    [Fact]
    public void A_fixed_fee_campaign_reaches_its_expected_reach()
    {
        var campaign = new CampaignProfile
        {
            Id = "tv", Name = "TV", Channel = Channel.Brand, DailyBudget = 100, RegionIds = ["r"], CostModel = CostModel.Fixed, ReachPerDay = 10_000,
        };
        var run = CampaignReach.Run(campaign, BehaviourParameters.Default, new Prng(3), AsOf, AsOf.AddDays(1));
        Assert.InRange(run.Touches, 9_700, 10_300);
        Assert.Equal(100m, run.Spend);
    }
}
