using Growth.Domain.Access;
using Growth.Domain.Forecast;
using Growth.Domain.Setup;
using static Growth.Domain.Tests.Forecast.ForecastTestData;

namespace Growth.Domain.Tests.Forecast;

public class ForecastBookTests
{
    internal static readonly FiscalPeriod Q1 = FiscalCalendar.Default.QuarterOf(T0);
    internal static readonly DateTimeOffset AsOf = T0.AddDays(40);

    /// <summary>Two regions; region-1 has teams t1 (reps a, b) and t2 (rep c); region-2 team t3 (rep d).</summary>
    internal static readonly OrganisationSetup Org = new()
    {
        Regions =
        [
            new RegionSetup { Id = "region-1", Name = "North", Teams =
            [
                new TeamSetup { Id = "t1", Name = "T1", Reps = [new RepSetup { Id = "a", Name = "Ann" }, new RepSetup { Id = "b", Name = "Bo" }] },
                new TeamSetup { Id = "t2", Name = "T2", Reps = [new RepSetup { Id = "c", Name = "Cy" }] },
            ] },
            new RegionSetup { Id = "region-2", Name = "South", Teams = [new TeamSetup { Id = "t3", Name = "T3", Reps = [new RepSetup { Id = "d", Name = "Di" }] }] },
        ],
    };

    internal static readonly TargetSheet Targets = new()
    {
        Period = Q1, Company = 10_000, Regions = new Dictionary<string, decimal> { ["region-1"] = 6000, ["region-2"] = 4000 },
        Teams = new Dictionary<string, decimal> { ["t1"] = 4000, ["t2"] = 2000, ["t3"] = 4000 },
        Reps = new Dictionary<string, decimal> { ["a"] = 2000, ["b"] = 2000, ["c"] = 2000, ["d"] = 4000 },
    };

    internal static List<Deal> Deals() =>
    [
        Closed("w1", "a", won: true, level: 6, ageDays: 20, amount: 1500, closedAt: T0.AddDays(20)),
        Closed("w0", "a", won: true, level: 6, ageDays: 30, amount: 999, closedAt: T0.AddDays(-5)), // last quarter: not closed in Q1
        Closed("l1", "b", won: false, level: 2, ageDays: 10),
        Closed("w2", "d", won: true, level: 6, ageDays: 10, amount: 4200, closedAt: T0.AddDays(30)),
        OpenDeal("o1", "a", 1000, ForecastCategory.Commit, AsOf.AddDays(10), level: 5),
        OpenDeal("o2", "b", 700.55m, ForecastCategory.BestCase, AsOf.AddDays(20), level: 3),
        OpenDeal("o3", "c", 333.33m, ForecastCategory.Pipeline, AsOf.AddDays(5), level: 1),
        OpenDeal("o4", "c", 5000, ForecastCategory.Commit, Q1.End.AddDays(3), level: 5), // expected after the quarter
        OpenDeal("o5", "nobody", 100, ForecastCategory.Commit, AsOf.AddDays(1)),
    ];

    static ForecastReport Report(IReadOnlyDictionary<string, decimal>? calls = null) =>
        ForecastBook.Build(Q1, AsOf, Org, Targets, Deals(), WinModel.Learn(Deals()), calls);

    [Fact]
    public void Every_row_is_the_exact_sum_of_the_rows_under_it()
    {
        var rows = Report().Rows;
        foreach (var parent in rows.Where(r => r.Level != ForecastLevel.Rep))
        {
            var children = rows.Where(r => r.ParentId == parent.Id).ToList();
            Assert.NotEmpty(children);
            Assert.Equal(parent.Closed, children.Sum(c => c.Closed));
            Assert.Equal(parent.Commit, children.Sum(c => c.Commit));
            Assert.Equal(parent.BestCase, children.Sum(c => c.BestCase));
            Assert.Equal(parent.Pipeline, children.Sum(c => c.Pipeline));
            Assert.Equal(parent.Weighted, children.Sum(c => c.Weighted));
            Assert.Equal(parent.OpenDeals, children.Sum(c => c.OpenDeals));
        }
        var company = rows[0];
        Assert.Equal((ForecastLevel.Company, 5700m, 1000m, 700.55m, 333.33m), (company.Level, company.Closed, company.Commit, company.BestCase, company.Pipeline));
        // Rows come company, region, its teams each followed by its reps.
        Assert.Equal(["company", "region-1", "t1", "a", "b", "t2", "c", "region-2", "t3", "d"], rows.Select(r => r.Id));
    }

    [Fact]
    public void Calls_coverage_and_velocity()
    {
        var rows = Report(new Dictionary<string, decimal> { ["t1"] = 3000 }).Rows.ToDictionary(r => r.Id);
        var a = rows["a"];
        Assert.Equal(1500m + 1000m, a.RepsCall);
        Assert.Equal(a.Closed + a.Weighted, a.ModelCall);
        Assert.Equal(3000m, rows["t1"].ManagerCall);
        Assert.Null(rows["t2"].ManagerCall);
        // Rep a: open in period 1000 ÷ (2000 − 1500) = 2.
        Assert.Equal(2.0, a.Coverage!.Value, 9);
        // Rep d: 4200 closed of 4000: met, no coverage.
        Assert.True(rows["d"].TargetMet);
        Assert.Null(rows["d"].Coverage);
        // Rep a: 1 open × (2 won ÷ 2 closed) × (2499 ÷ 2) ÷ (50 ÷ 2 days) = 49.98 per day.
        Assert.Equal(1 * 1.0 * 1249.5 / 25, a.Velocity!.Value, 6);
        // Rep c: never closed a deal: no velocity.
        Assert.Null(rows["c"].Velocity);
        // Team t1: 2 open × (2 won ÷ 3 closed) × 1249.5 ÷ 25.
        Assert.Equal(2 * (2.0 / 3) * 1249.5 / 25, rows["t1"].Velocity!.Value, 6);
    }

    [Fact]
    public void Weighted_pipeline_uses_the_learned_probabilities()
    {
        var deals = Deals();
        var model = WinModel.Learn(deals);
        var rows = ForecastBook.Build(Q1, AsOf, Org, Targets, deals, model).Rows.ToDictionary(r => r.Id);
        // Too few deals for any cell: the overall rate, 3 won of 4 closed.
        Assert.Equal(Math.Round(1000m * 0.75m, 2), rows["a"].Weighted);
        Assert.Equal(Math.Round(333.33m * 0.75m, 2), rows["c"].Weighted);
    }

    [Fact]
    public void A_manager_sees_only_their_region()
    {
        var cut = ForecastBook.Cut(Report(), new FigureScope(false, ["region-2"]));
        Assert.Equal(["region-2", "t3", "d"], cut.Rows.Select(r => r.Id));
        Assert.Empty(cut.OpenDeals);
        var team = ForecastBook.Cut(Report(), new FigureScope(false, ["t1"]));
        Assert.Equal(["t1", "a", "b"], team.Rows.Select(r => r.Id));
        Assert.Equal(["o1", "o2"], team.OpenDeals.Select(d => d.JourneyId).Order());
    }

    [Fact]
    public void The_deal_list_holds_every_open_deal_soonest_first()
    {
        var deals = Report().OpenDeals;
        Assert.Equal(5, deals.Count);
        Assert.Equal(deals.OrderBy(d => d.ExpectedCloseAt).Select(d => d.JourneyId), deals.Select(d => d.JourneyId));
    }
}
