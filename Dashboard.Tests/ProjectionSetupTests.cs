using Growth.Dashboard.Application.Projection;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>
/// What-if projections of a workspace read its setup: a rep's quota changed in the setup changes the company target
/// projected against by as much, and a product's price changed in the setup moves the projected order value and
/// revenue (same seed), once the simulation has taken the change up.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ProjectionSetupTests(DashboardHost host)
{
    static readonly ProjectionBody Body = new(Weeks: 13, Paths: 300, Seed: 5);

    [Fact]
    public async Task Quota_and_price_changes_in_the_setup_move_the_projection()
    {
        const string workspace = "proj-setup";
        var setup = host.Grains.GetGrain<ISetupGrain>(workspace);
        var simulation = host.Grains.GetGrain<ISimulationGrain>(workspace);
        var projections = host.App.Services.GetRequiredService<ProjectionService>();
        await setup.ApplyAsync(SetupSamples.Small(), "test", "the small company");
        await simulation.CreateAsync(new SimulationSettings { Seed = 9, ExistingCustomers = 0, Start = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero) });

        var before = (await projections.ProjectAsync(workspace, Body)).Comparison.Baseline;
        Assert.Equal(8 * SetupSamples.Quota, before.Company.Target);

        // A change is taken up at the simulation's next step.
        await setup.ApplyAsync(SetupSamples.Small(firstQuota: 90_000m), "test", "a bigger quota");
        await simulation.RunForAsync(TimeSpan.FromDays(1));
        var quota = (await projections.ProjectAsync(workspace, Body)).Comparison.Baseline;
        Assert.Equal(8 * SetupSamples.Quota + 30_000m, quota.Company.Target);

        await setup.ApplyAsync(SetupSamples.Small(price: 7500m, firstQuota: 90_000m), "test", "a dearer product");
        await simulation.RunForAsync(TimeSpan.FromDays(1));
        var price = (await projections.ProjectAsync(workspace, Body)).Comparison.Baseline;
        Assert.True(price.Factors.AverageOrderValue > quota.Factors.AverageOrderValue * 1.3,
            $"order value {price.Factors.AverageOrderValue:N0} after the price change, {quota.Factors.AverageOrderValue:N0} before");
        Assert.True(price.Revenue.Mean > quota.Revenue.Mean, $"revenue {price.Revenue.Mean:N0} after the price change, {quota.Revenue.Mean:N0} before");
    }
}
