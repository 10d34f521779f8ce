using System.Net.Http.Json;
using Growth.Dashboard.Application.Forecast;
using Growth.Domain.Forecast;
using Growth.Grains.Figures;
using Growth.Grains.Forecast;
using Growth.Grains.Simulation;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Forecast accuracy on a running simulation: the first read of the forecast in a week keeps that week's forecast by
/// every method (a second read in the same week keeps nothing more), the next week boundary makes a new one due, and
/// once the quarter closes the page's data shows every kept week against what the quarter actually brought.
/// Simulated time moves only when the test runs the simulation (a fixed start, no wall clock).
/// </summary>
[Collection(DashboardCollection.Name)]
public class ForecastAccuracyTests(DashboardHost host)
{
    const string Workspace = "forecast-weeks";

    async Task<ForecastView> ReadAsync() =>
        (await host.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast?runs=100", ForecastTests.Json))!;

    /// <summary>Runs the simulation on by <paramref name="days"/> and lets the figures catch up (the forecast reads their clock).</summary>
    async Task RunAsync(ISimulationGrain sim, int days)
    {
        await sim.RunForAsync(TimeSpan.FromDays(days));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
    }

    [Fact]
    public async Task Each_week_keeps_its_first_forecast_and_a_closed_quarter_shows_every_kept_week_against_its_actual()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        await sim.CreateAsync(new SimulationSettings
        {
            Seed = 7, Regions = 1, TeamsPerRegion = 2, RepsPerTeam = 2, Campaigns = 2, ExistingCustomers = 10,
            Start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
        });
        // 2026-03-13 is in week 11 of FY2026-Q1 (from 2026-01-01).
        await RunAsync(sim, 40);
        var first = await ReadAsync();
        Assert.Equal("FY2026-Q1", first.Report.Period.Name);
        Assert.Equal(1, first.WeeksKept);
        Assert.Equal(1, (await ReadAsync()).WeeksKept);
        var kept = Assert.Single((await History().GetAsync()).Weeks);
        var company = first.Report.Rows[0];
        Assert.Equal((11, company.Closed, company.ModelCall, company.RepsCall), (kept.Week, kept.Closed, kept.WeightedPipeline, kept.RepsCall));
        Assert.InRange((double)kept.MonteCarlo!.Value - first.MonteCarlo!.Rows[0].Revenue.P50, -0.01, 0.01);
        Assert.Empty(first.Accuracy!.Periods);

        // Over the boundary: week 12 is due and kept.
        await RunAsync(sim, 7);
        Assert.Equal(2, (await ReadAsync()).WeeksKept);

        // Past the quarter's end: Q1 has its actual, and both its weeks stand against it.
        await RunAsync(sim, 14);
        var after = await ReadAsync();
        Assert.Equal("FY2026-Q2", after.Report.Period.Name);
        var history = await History().GetAsync();
        Assert.Equal([("FY2026-Q1", 11), ("FY2026-Q1", 12), ("FY2026-Q2", 1)], history.Weeks.Select(w => (w.Period, w.Week)));
        var actual = Assert.Single(after.Accuracy!.Periods);
        Assert.Equal(("FY2026-Q1", actual.Won), (actual.Period, Assert.Single(history.Actuals).Won));
        Assert.True(actual.Won >= history.Weeks[1].Closed, "a quarter brings at least what it had closed by its week 12");
        Assert.Equal([11, 12], after.Accuracy.Weeks.Select(w => w.Week));
        Assert.All(after.Accuracy.Weeks.SelectMany(w => w.Cells), c => Assert.Equal(c.Forecast - actual.Won, c.Error));
        Assert.All(after.Accuracy.Overall, m => Assert.Equal(actual.Won > 0 ? 2 : 0, m.Count));

        // The CSV holds every kept week of the closed quarter; a manager (a part of the company) is refused it.
        var lines = (await host.Http.GetStringAsync($"/api/workspaces/{Workspace}/forecast/accuracy.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AccuracyCsv.Header, lines[0]);
        Assert.Equal(["FY2026-Q1,11", "FY2026-Q1,12"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-1");
        using var refused = await manager.Http.GetAsync($"/api/workspaces/{Workspace}/forecast/accuracy.csv");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await manager.Http.GetFromJsonAsync<ForecastView>($"/api/workspaces/{Workspace}/forecast?runs=100", ForecastTests.Json))!.Accuracy);
    }

    IForecastHistoryGrain History() => host.Grains.GetGrain<IForecastHistoryGrain>(Workspace);
}
