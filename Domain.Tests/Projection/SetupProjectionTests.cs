using Growth.Domain.Projection;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Projection;

/// <summary>
/// A projection of a workspace whose organisation and parameters are compiled from its setup: a quota in the setup is
/// the target projected against, a price in the setup is the price projected, and the price lever moves it. Every
/// pair of runs shares the seed.
/// </summary>
public class SetupProjectionTests
{
    static readonly DateTimeOffset Start = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    static SetupDocument Setup(decimal price = 5000m, decimal firstQuota = SetupSamples.Quota) => SetupSamples.Small(price, firstQuota);

    static ProjectionRequest Request(SetupDocument setup, ProjectionLevers? levers = null) => new()
    {
        Organisation = SetupCompiler.Organisation(setup, Start),
        Parameters = SetupCompiler.Parameters(setup, BehaviourParameters.Default),
        Start = Start, Weeks = 13, Paths = 300, Seed = 5, CalibrationLeads = 4000,
        Levers = levers ?? ProjectionLevers.None,
    };

    [Fact]
    public void A_quota_changed_in_the_setup_changes_the_company_target_by_as_much()
    {
        Assert.Empty(SetupValidator.Validate(Setup()));
        var before = ProjectionPreparation.TargetOf(Request(Setup()));
        var after = ProjectionPreparation.TargetOf(Request(Setup(firstQuota: 90_000m)));
        Assert.Equal(8 * 60_000m, before); // eight reps' quarterly quotas over a 13-week horizon
        Assert.Equal(30_000m, after - before);
    }

    [Fact]
    public void A_price_changed_in_the_setup_moves_the_projected_revenue_and_the_price_lever_moves_it_too()
    {
        var baseline = ProjectionEngine.Run(Request(Setup()));
        var dearer = ProjectionEngine.Run(Request(Setup(price: 6000m)));
        var lever = ProjectionEngine.Run(Request(Setup(), new ProjectionLevers { PriceChange = 0.2 }));
        Assert.Equal(5000, baseline.Factors.AverageOrderValue, 0.25 * 5000);
        Assert.True(dearer.Factors.AverageOrderValue > baseline.Factors.AverageOrderValue * 1.1,
            $"order value {dearer.Factors.AverageOrderValue:N0} against {baseline.Factors.AverageOrderValue:N0}");
        Assert.NotEqual(baseline.Revenue.Mean, dearer.Revenue.Mean);
        // The lever raises the catalogue's prices as the setup change does (customers' budgets stay, hence not exactly).
        Assert.Equal(dearer.Factors.AverageOrderValue, lever.Factors.AverageOrderValue, 0.01 * dearer.Factors.AverageOrderValue);
    }
}
