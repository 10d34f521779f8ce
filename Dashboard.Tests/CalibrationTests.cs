using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A simulation calibrated on the imported Maven history, run over the same span, reproduces the history's win rate,
/// average won deal value and number of journeys.
/// </summary>
[Collection(DashboardCollection.Name)]
public class CalibrationTests(DashboardHost host, ITestOutputHelper output)
{
    HttpClient Http => host.Http;

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_simulation_calibrated_on_the_maven_history_reproduces_its_win_rate_and_average_won_value()
    {
        const string history = "cal-history", simulation = "cal-simulation";
        await Json(await Http.PostAsync($"/api/workspaces/{history}/imports", ImportSample.MavenUpload()), HttpStatusCode.OK);
        var actual = ImportSample.Figures.Of(ImportSample.Deals);

        var created = await Json(await Http.PostAsJsonAsync($"/api/workspaces/{simulation}/simulation/calibrated?from={history}", new { seed = 7 }),
            HttpStatusCode.OK);
        // The simulation is driven by the test alone, over exactly the history's span.
        await Json(await Http.PostAsync($"/api/workspaces/{simulation}/simulation/pause", null), HttpStatusCode.OK);
        var calibration = created.GetProperty("calibration");
        Assert.Equal(actual.WinRate, calibration.GetProperty("winRate").GetDouble(), 9);
        Assert.Equal(actual.AverageWonValue, calibration.GetProperty("averageWonValue").GetDecimal());
        Assert.Equal(35, calibration.GetProperty("reps").GetArrayLength());
        Assert.Equal(7, calibration.GetProperty("products").GetArrayLength());
        output.WriteLine($"fitted: {calibration.GetProperty("wonDays")}, lead to opportunity {calibration.GetProperty("leadToOpportunity")}, " +
            $"leads per day {calibration.GetProperty("leadsPerDay")}, days per step {calibration.GetProperty("parameters").GetProperty("daysPerStep")}");
        foreach (var group in new[] { "products", "teams", "regions" })
            foreach (var row in calibration.GetProperty(group).EnumerateArray()) output.WriteLine($"{group}: {row}");
        var from = calibration.GetProperty("from").GetDateTimeOffset();
        var to = calibration.GetProperty("to").GetDateTimeOffset();
        Assert.Equal(from, created.GetProperty("simulation").GetProperty("start").GetDateTimeOffset());

        // In slices of ten days: each call stays well inside the grain call timeout, even on a loaded machine.
        var sim = host.Grains.GetGrain<ISimulationGrain>(simulation);
        var end = to + TimeSpan.FromDays(1);
        for (var now = from; now < end; now += TimeSpan.FromDays(10))
            await sim.RunForAsync(end - now < TimeSpan.FromDays(10) ? end - now : TimeSpan.FromDays(10));
        var simulated = (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(simulation).RefreshAsync())!;
        var deals = simulated.Deals;
        output.WriteLine($"history: won {actual.Won}, lost {actual.Lost}, win rate {actual.WinRate:P2}, average won {actual.AverageWonValue}, days {actual.AverageDaysToClose:F1}");
        output.WriteLine($"simulated: won {deals.Won}, lost {deals.Lost}, open {deals.Open}, win rate {deals.WinRate:P2}, average won {deals.AverageWonValue}, days {deals.AverageDaysToClose:F1}, journeys {simulated.Journeys}");

        Assert.True(deals.Won + deals.Lost > 3000, $"too few closed deals to judge: {deals.Won + deals.Lost}");
        Assert.InRange(deals.WinRate, actual.WinRate - 0.03, actual.WinRate + 0.03);
        Assert.InRange(deals.AverageWonValue, actual.AverageWonValue * 0.9m, actual.AverageWonValue * 1.1m);
        // Customers refer no one in a calibrated model (its lead flows hold the history's referred leads): the simulation
        // creates as many journeys as the history has, within 5 % (with the default referrals it created 15,263 against 8,800).
        Assert.InRange(simulated.Journeys, (long)(ImportSample.Deals.Count * 0.95), (long)(ImportSample.Deals.Count * 1.05));
        Assert.Equal(3, simulated.Regions.Count);
        Assert.Equal(35, simulated.Reps.Count);
        Assert.Contains(new WorkspaceEntry(simulation, WorkspaceKind.Simulation), await host.Grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync());
    }

    [Fact]
    public async Task Calibrating_needs_a_known_history_and_a_new_workspace()
    {
        var unknown = await Json(await Http.PostAsync("/api/workspaces/cal-x/simulation/calibrated?from=no-such-history", null), HttpStatusCode.NotFound);
        Assert.Contains("no-such-history", unknown.GetProperty("detail").GetString());
        await Json(await Http.PostAsync("/api/workspaces/cal-x/simulation/calibrated", null), HttpStatusCode.BadRequest);
        var exists = await Json(await Http.PostAsync("/api/workspaces/demo/simulation/calibrated?from=demo", null), HttpStatusCode.Conflict);
        Assert.Contains("demo", exists.GetProperty("detail").GetString());
    }
}
