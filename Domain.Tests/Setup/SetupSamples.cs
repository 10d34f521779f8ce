using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Setup;

/// <summary>Setup documents the setup tests share: a small full one, and a big one built from counts.</summary>
static class SetupSamples
{
    public static SetupDocument Small() => new()
    {
        Company = new CompanySetup
        {
            Name = "Acme Learning", Currency = new CurrencySetup { Code = "CNY", Symbol = "¥", Culture = "zh-CN" },
            FiscalYearStartMonth = 2, TimeZone = "Asia/Shanghai", WorkdayStart = "08:30",
            WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
            FiscalPeriods = [new FiscalPeriodSetup { Name = "P1", Start = new DateOnly(2026, 2, 1), End = new DateOnly(2026, 2, 28) }],
        },
        Organisation = new OrganisationSetup
        {
            Regions =
            [
                new RegionSetup
                {
                    Id = "east", Name = "华东",
                    Teams =
                    [
                        new TeamSetup
                        {
                            Id = "east-1", Name = "Shanghai", Leader = "Li Wei", Assignment = AssignmentRule.SkillMatch,
                            Reps =
                            [
                                new RepSetup { Id = "rep-1", Name = "yes", Quota = 150000m, HireDate = new DateOnly(2025, 9, 1) },
                                new RepSetup { Id = "rep-2", Name = "0012", Quota = 120000.50m, Capacity = 55, Incentive = 0.7,
                                    Skills = new SkillsSetup { Close = 0.8, Opening = 0.3 },
                                    Territory = new TerritorySetup { Segments = ["adults"], ProductLines = ["Short courses"] } },
                                new RepSetup { Id = "rep-3", Name = "12:30", Quota = 0m },
                            ],
                        },
                    ],
                },
            ],
        },
        Catalogue = new CatalogueSetup
        {
            Products = [new ProductSetup { Id = "trial", Name = "Trial lesson", Series = "Trials", ListPrice = 99m, UnitCost = 20m, Mix = 3 },
                        new ProductSetup { Id = "pkg-48", Name = "48-lesson package", Series = "Courses", ListPrice = 12800m, Mix = 1 }],
            PriceLists = [new PriceListSetup { Id = "east-prices", Region = "east", Prices = [new PriceSetup { Product = "pkg-48", Price = 11800m }] }],
            Discounts = new DiscountSetup { RepLimit = 0.05, MaxDiscount = 0.2 },
        },
        Channels = new ChannelsSetup
        {
            Campaigns =
            [
                new CampaignSetup { Id = "ads-1", Name = "Search ads", Channel = Channel.Ads, Budget = 30000m, CostPerUnit = 1.5m, JunkShare = 0.6,
                    Start = new DateOnly(2026, 1, 1), Regions = ["east"] },
                new CampaignSetup { Id = "fair", Name = "Education fair", Channel = Channel.Events, Budget = 80000m, Period = BudgetPeriod.Quarter,
                    CostModel = CostModel.Fixed, ExpectedReach = 4000 },
            ],
        },
        Targets = new TargetsSetup
        {
            Allocation = TargetAllocation.Even,
            Targets = [new TargetSetup { Period = "FY2027-Q1", Amount = 900000m },
                       new TargetSetup { Level = TargetLevel.Rep, Id = "rep-2", Period = "FY2027-Q1", Amount = 130000m }],
        },
        PaymentTerms = new PaymentTermsSetup { Days = 14, Deposit = 0.5, OnTimeShare = 0.9 },
    };

    /// <summary>regions × teams × reps, products and campaigns, ids "r{i}", "r{i}-t{j}", "rep-{n}", "p{k}", "c{k}".</summary>
    public static SetupDocument Big(int regions, int teams, int reps, int products, int campaigns)
    {
        var n = 0;
        return new SetupDocument
        {
            Organisation = new OrganisationSetup
            {
                Regions = Enumerable.Range(0, regions).Select(r => new RegionSetup
                {
                    Id = $"r{r}", Name = $"Region {r}",
                    Teams = Enumerable.Range(0, teams).Select(t => new TeamSetup
                    {
                        Id = $"r{r}-t{t}", Name = $"Team {r}.{t}", Leader = $"Leader {r}.{t}",
                        Reps = Enumerable.Range(0, reps).Select(_ => new RepSetup { Id = $"rep-{n}", Name = $"Rep {n++}", Quota = 50000m + n % 7 * 1000m }).ToList(),
                    }).ToList(),
                }).ToList(),
            },
            Catalogue = new CatalogueSetup { Products = Enumerable.Range(0, products).Select(k => new ProductSetup { Id = $"p{k}", Name = $"Product {k}", ListPrice = 1000m + k * 10m }).ToList() },
            Channels = new ChannelsSetup { Campaigns = Enumerable.Range(0, campaigns).Select(k => new CampaignSetup { Id = $"c{k}", Name = $"Campaign {k}", Channel = (Channel)(k % 5), Budget = 5000m }).ToList() },
        };
    }
}
