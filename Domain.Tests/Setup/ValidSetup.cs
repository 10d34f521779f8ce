using Growth.Domain.Journeys;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Setup;

/// <summary>A small valid setup (two regions, three teams, eight reps, three products) and ways to change one field of it.</summary>
static class ValidSetup
{
    public static RepSetup Rep(string id, int capacity = 40, decimal quota = 90_000m) =>
        new() { Id = id, Name = "Rep " + id, Capacity = capacity, Quota = quota, HireDate = new(2024, 3, 1) };

    public static SetupDocument Document() => new()
    {
        Company = new CompanySetup
        {
            Name = "Acme Learning", Currency = new CurrencySetup { Code = "CNY", Symbol = "¥", Culture = "zh-CN" },
            FiscalYearStartMonth = 4, TimeZone = "Asia/Shanghai",
            FiscalPeriods =
            [
                new FiscalPeriodSetup { Name = "FY-P1", Start = new(2027, 1, 1), End = new(2027, 1, 31) },
                new FiscalPeriodSetup { Name = "FY-P2", Start = new(2027, 2, 1), End = new(2027, 2, 28) },
                new FiscalPeriodSetup { Name = "FY-P3", Start = new(2027, 3, 1), End = new(2027, 3, 31) },
            ],
        },
        Organisation = new OrganisationSetup
        {
            Regions =
            [
                new RegionSetup
                {
                    Id = "north", Name = "North",
                    Teams =
                    [
                        new TeamSetup { Id = "north-1", Name = "North 1", Leader = "Li", Reps = [Rep("rep-1"), Rep("rep-2"), Rep("rep-3")] },
                        new TeamSetup { Id = "north-2", Name = "North 2", Leader = "Wang", Reps = [Rep("rep-4"), Rep("rep-5"), Rep("rep-6")] },
                    ],
                },
                new RegionSetup
                {
                    Id = "south", Name = "South",
                    Teams =
                    [
                        new TeamSetup
                        {
                            Id = "south-1", Name = "South 1", Leader = "Chen",
                            Reps =
                            [
                                Rep("rep-7"),
                                Rep("rep-8") with { Territory = new TerritorySetup { Regions = ["south"], ProductLines = ["GTX"], Segments = ["smb"] } },
                            ],
                        },
                    ],
                },
            ],
        },
        Catalogue = new CatalogueSetup
        {
            Products =
            [
                new ProductSetup { Id = "gtx-1", Name = "GTX One", Series = "GTX", ListPrice = 5000, UnitCost = 1200 },
                new ProductSetup { Id = "gtx-2", Name = "GTX Two", Series = "GTX", ListPrice = 9000, UnitCost = 2000 },
                new ProductSetup { Id = "short-1", Name = "Short course", Series = "Short courses", ListPrice = 800, UnitCost = 100 },
            ],
            PriceLists =
            [
                new PriceListSetup { Id = "smb", Segment = "smb", Prices = [new() { Product = "gtx-1", Price = 4500 }, new() { Product = "gtx-2", Price = 8000 }, new() { Product = "short-1", Price = 700 }] },
                new PriceListSetup { Id = "south-prices", Region = "south", Prices = [new() { Product = "gtx-1", Price = 4800 }] },
            ],
        },
        Channels = new ChannelsSetup
        {
            Campaigns =
            [
                new CampaignSetup { Id = "ads-1", Name = "Search ads", Channel = Channel.Ads, Budget = 20_000, CostPerUnit = 2 },
                new CampaignSetup { Id = "expo", Name = "Expo", Channel = Channel.Events, Budget = 50_000, CostModel = CostModel.Fixed, ExpectedReach = 3000, Regions = ["north"] },
                new CampaignSetup { Id = "blog", Name = "Blog", Channel = Channel.Content, Budget = 5_000, JunkShare = 0.3, Start = new(2027, 1, 1), End = new(2027, 12, 31) },
            ],
        },
        Targets = new TargetsSetup
        {
            Targets =
            [
                new TargetSetup { Level = TargetLevel.Company, Period = "FY2027-Q1", Amount = 1_000_000 },
                new TargetSetup { Level = TargetLevel.Region, Id = "north", Period = "FY2027-Q1", Amount = 600_000 },
                new TargetSetup { Level = TargetLevel.Team, Id = "south-1", Period = "FY2027-M02", Amount = 100_000 },
                new TargetSetup { Level = TargetLevel.Rep, Id = "rep-8", Period = "FY-P2", Amount = 30_000 },
            ],
        },
    };

    public static SetupDocument WithCompany(this SetupDocument d, Func<CompanySetup, CompanySetup> change) => d with { Company = change(d.Company) };

    public static SetupDocument WithRegion(this SetupDocument d, int r, Func<RegionSetup, RegionSetup> change) =>
        d with { Organisation = d.Organisation with { Regions = Replace(d.Organisation.Regions, r, change) } };

    public static SetupDocument WithTeam(this SetupDocument d, int r, int t, Func<TeamSetup, TeamSetup> change) =>
        d.WithRegion(r, region => region with { Teams = Replace(region.Teams, t, change) });

    public static SetupDocument WithRep(this SetupDocument d, int r, int t, int i, Func<RepSetup, RepSetup> change) =>
        d.WithTeam(r, t, team => team with { Reps = Replace(team.Reps, i, change) });

    public static SetupDocument WithCatalogue(this SetupDocument d, Func<CatalogueSetup, CatalogueSetup> change) => d with { Catalogue = change(d.Catalogue) };

    public static SetupDocument WithProduct(this SetupDocument d, int i, Func<ProductSetup, ProductSetup> change) =>
        d.WithCatalogue(c => c with { Products = Replace(c.Products, i, change) });

    public static SetupDocument WithPriceList(this SetupDocument d, int i, Func<PriceListSetup, PriceListSetup> change) =>
        d.WithCatalogue(c => c with { PriceLists = Replace(c.PriceLists, i, change) });

    public static SetupDocument WithCampaign(this SetupDocument d, int i, Func<CampaignSetup, CampaignSetup> change) =>
        d with { Channels = d.Channels with { Campaigns = Replace(d.Channels.Campaigns, i, change) } };

    public static SetupDocument WithTarget(this SetupDocument d, int i, Func<TargetSetup, TargetSetup> change) =>
        d with { Targets = d.Targets with { Targets = Replace(d.Targets.Targets, i, change) } };

    public static SetupDocument AddTarget(this SetupDocument d, TargetSetup target) =>
        d with { Targets = d.Targets with { Targets = [.. d.Targets.Targets, target] } };

    public static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int index, Func<T, T> change) =>
        [.. list.Select((item, i) => i == index ? change(item) : item)];

    /// <summary>Asserts that the document has exactly one problem, at <paramref name="path"/>; returns its message.</summary>
    public static string SingleProblem(SetupDocument document, string path)
    {
        var problems = SetupValidator.Validate(document);
        Assert.True(problems.Count == 1, $"expected one problem at {path}, got: {string.Join("; ", problems)}");
        var problem = problems[0];
        Assert.Equal(path, problem.Path);
        return problem.Message;
    }
}
