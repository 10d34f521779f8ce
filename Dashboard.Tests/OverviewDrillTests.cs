using Growth.Dashboard.Components.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Overview's lifecycle bars open the customers behind them: each bar's address lists exactly the customers the bar
/// counts (browser-free, as <see cref="SalesDrillTests"/>; on a seeded run: <c>Grains.Tests/Journeys/RecordDrillTests</c>).
/// </summary>
public class OverviewDrillTests
{
    [Fact]
    public void Each_lifecycle_bar_lists_exactly_the_customers_it_counts()
    {
        // The six customers of the sales data: activated (0-4), retained (1-3), upsold (2, 3), referred (3), churned (5).
        var states = SalesDrillTests.States().Select(s => s.Id switch
        {
            "c-0" => s with { Activated = true },
            "c-1" => s with { Activated = true, Retained = true },
            "c-2" => s with { Activated = true, Retained = true, Repurchases = 2 },
            "c-3" => s with { Activated = true, Retained = true, Repurchases = 1, Referrals = 1 },
            "c-4" => s with { Activated = true },
            "c-5" => s with { Status = JourneyStatus.Churned },
            _ => s,
        }).ToList();
        var snapshot = SalesDrillTests.Snapshot(states);
        long[] expected = [6, 5, 3, 2, 1, 1];
        for (var i = 0; i < OverviewDrill.LifecycleBars.Length; i++)
        {
            var stage = OverviewDrill.LifecycleBars[i];
            var bar = OverviewDrill.Bar(snapshot.Lifecycle, stage);
            var listed = SalesDrillTests.Listed(OverviewDrill.Lifecycle("ws", i)!, states);
            Assert.True(bar == listed.Count, $"{stage}: the bar counts {bar}, the list holds {listed.Count}");
            Assert.Equal(expected[i], bar);
            Assert.All(listed, r => Assert.True(r.IsCustomer));
        }
        Assert.Equal(["c-2", "c-3"], SalesDrillTests.Listed(OverviewDrill.Lifecycle("ws", (int)LifecycleStage.Upsold)!, states).Select(r => r.JourneyId).Order());
        Assert.Null(OverviewDrill.Lifecycle("ws", OverviewDrill.LifecycleBars.Length));
        Assert.Equal("lifecycle 'Loyal' must be one of Acquired, Activated, Retained, Upsold, Referred, Churned",
            RecordQuery.Parse("Customers", null, null, null, null, null, null, null, null, null, null, null, null, null, lifecycle: "Loyal").Error);
    }
}
