using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Growth.Dashboard.Application.Calibration;
using Growth.Dashboard.Application.Import;
using Growth.Dashboard.Application.Projection;
using Growth.Domain.Import;
using Growth.Domain.Progress;
using Growth.Grains.Figures;
using Growth.Grains.Projection;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Growth.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Long runs on the web host's services: a projection counts its paths chunk by chunk up to the total and gives the same
/// figures as one call; a cancelled projection stops sending chunks; a cancelled import leaves every figure and the
/// organisation as they were and a re-import afterwards works; a cancelled calibration leaves no workspace behind.
/// Cancels are made from the progress reports themselves, so nothing waits on time.
/// </summary>
[Collection(DashboardCollection.Name)]
public class LongRunTests(DashboardHost host)
{
    /// <summary>Records reports synchronously, as they are made, and may act on one (cancel).</summary>
    sealed class Recorder(Action<RunProgress>? onReport = null) : IProgress<RunProgress>
    {
        public readonly ConcurrentQueue<RunProgress> Reports = new();
        public void Report(RunProgress value)
        {
            Reports.Enqueue(value);
            onReport?.Invoke(value);
        }
    }

    async Task<string> SimulationAsync(string workspace)
    {
        await host.Grains.GetGrain<ISetupGrain>(workspace).ApplyAsync(SetupSamples.Small(), "test", "the small company");
        await host.Grains.GetGrain<ISimulationGrain>(workspace).CreateAsync(new SimulationSettings
            { Seed = 9, ExistingCustomers = 0, Start = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero) });
        return workspace;
    }

    [Fact]
    public async Task A_projection_counts_its_paths_chunk_by_chunk_to_the_total_with_the_figures_of_one_call()
    {
        var workspace = await SimulationAsync("longrun-project");
        var projections = host.App.Services.GetRequiredService<ProjectionService>();
        var body = new ProjectionBody(Weeks: 13, Paths: 1_100, Seed: 5);
        var recorder = new Recorder();

        var response = await projections.ProjectAsync(workspace, body, recorder);

        // The start, then one report per chunk: four of 250 paths and one of 100.
        var done = recorder.Reports.Select(r => r.Done).Order().ToList();
        Assert.Equal(6, done.Count);
        Assert.Equal(0, done[0]);
        Assert.Equal(1_100, done[^1]);
        Assert.All(recorder.Reports, r => Assert.Equal((ProgressUnit.Paths, 1_100L), (r.Unit, r.Total)));
        Assert.Equal(done.Count, done.Distinct().Count());
        // Chunks carry their seeds: the chunked run equals the same run in one grain call.
        var (_, _, plan) = await projections.PlanAsync(workspace, body);
        var whole = await host.Grains.GetGrain<IProjectionWorkerGrain>(0).RunAsync(plan.Runs[0]);
        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(response.Comparison.Baseline));
    }

    [Fact]
    public async Task A_cancelled_projection_stops_sending_chunks()
    {
        var workspace = await SimulationAsync("longrun-cancel");
        var projections = host.App.Services.GetRequiredService<ProjectionService>();
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder(r => { if (r.Done > 0) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            projections.ProjectAsync(workspace, new ProjectionBody(Weeks: 13, Paths: 20_000, Seed: 5), recorder, cancel.Token));

        // Cancelled as the first chunk came back: only the chunks already in flight (at most 8) can have finished.
        var reached = recorder.Reports.Max(r => r.Done);
        Assert.InRange(reached, 250, 8 * 250);
    }

    const string Teams = "sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\nViolet Mclelland,Cara Losch,East\n";
    const string Products = "product,series,sales_price\nGTX Basic,GTX,550\nGTX Pro,GTX,4821\n";

    /// <summary>A Maven-shaped export of <paramref name="rows"/> deals, alternately won and lost.</summary>
    static Dictionary<string, CrmSource> Export(int rows, string prefix)
    {
        var pipeline = new System.Text.StringBuilder("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n");
        for (var i = 0; i < rows; i++)
            pipeline.Append($"{prefix}{i:D5},{(i % 2 == 0 ? "Anna Snelling" : "Violet Mclelland")},GTX Basic,Acme {i % 7},{(i % 2 == 0 ? "Won" : "Lost")},2017-0{1 + i % 6}-02,2017-0{2 + i % 6}-0{1 + i % 9},{(i % 2 == 0 ? 550 : 0)}\n");
        return new()
        {
            ["pipeline"] = CrmSource.FromText("sales_pipeline.csv", pipeline.ToString()),
            ["teams"] = CrmSource.FromText("sales_teams.csv", Teams),
            ["products"] = CrmSource.FromText("products.csv", Products),
        };
    }

    async Task<string> StateAsync(string workspace)
    {
        var snapshot = JsonNode.Parse(JsonSerializer.Serialize(await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync()))!.AsObject();
        foreach (var field in new[] { "Version", "AsOf", "HistoryVersion", "Period", "Insight" }) snapshot.Remove(field);
        var organisation = JsonSerializer.Serialize(await host.Grains.GetGrain<IWorkspaceGrain>(workspace).GetOrganisationAsync());
        return snapshot.ToJsonString() + "\n" + organisation;
    }

    [Fact]
    public async Task A_cancelled_import_leaves_every_figure_and_the_organisation_as_they_were_and_a_reimport_works()
    {
        const string workspace = "longrun-import";
        var imports = host.App.Services.GetRequiredService<WorkspaceImport>();
        var first = await imports.ImportAsync(workspace, Export(40, "A"), CrmColumnMapping.Maven);
        Assert.Equal(40, first.Imported);
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        var before = await StateAsync(workspace);

        // A larger export, cancelled while its files are read (as the first characters are counted).
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder(r => { if (r.Done > 0) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            imports.ImportAsync(workspace, Export(3_000, "B"), CrmColumnMapping.Maven, recorder, cancel.Token));
        Assert.All(recorder.Reports, r => Assert.Equal(ProgressUnit.Characters, r.Unit));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(workspace).RefreshAsync();
        Assert.Equal(before, await StateAsync(workspace));

        // The same export again, not cancelled: read whole, then every journey applied.
        var applied = new Recorder();
        var again = await imports.ImportAsync(workspace, Export(3_000, "B"), CrmColumnMapping.Maven, applied);
        Assert.Equal(3_000, again.JourneysChanged);
        var last = applied.Reports.Aggregate(RunProgress.Start(ProgressUnit.Characters, 0), (shown, r) => shown.Advance(r));
        Assert.Equal((ProgressUnit.Journeys, 3_000L, 3_000L, 1), (last.Unit, last.Done, last.Total, last.Phase));
        Assert.NotEqual(before, await StateAsync(workspace));
    }

    [Fact]
    public async Task A_cancelled_calibration_leaves_no_workspace_behind_and_can_be_run_again()
    {
        const string history = "longrun-history", simulation = "longrun-calibrated";
        var imports = host.App.Services.GetRequiredService<WorkspaceImport>();
        await imports.ImportAsync(history, Export(400, "C"), CrmColumnMapping.Maven);
        var calibrations = host.App.Services.GetRequiredService<CalibratedSimulations>();

        // Cancelled once the fit is done (step 2 of 4), before the setup would be stored.
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder(r => { if (r.Done == 2) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            calibrations.CreateAsync(simulation, history, new CalibratedRequest(Run: false), "test", recorder, cancel.Token));
        Assert.Equal([0L, 1, 2, 3], recorder.Reports.Select(r => r.Done));
        Assert.Null(await host.Grains.GetGrain<IWorkspaceGrain>(simulation).GetAsync());
        Assert.Null(await host.Grains.GetGrain<ISetupGrain>(simulation).GetAsync());

        var steps = new Recorder();
        var created = await calibrations.CreateAsync(simulation, history, new CalibratedRequest(Run: false), "test", steps);
        Assert.Null(created.Refusal);
        Assert.Equal([0L, 1, 2, 3, 4], steps.Reports.Select(r => r.Done));
        Assert.NotNull(await host.Grains.GetGrain<IWorkspaceGrain>(simulation).GetAsync());
    }
}
