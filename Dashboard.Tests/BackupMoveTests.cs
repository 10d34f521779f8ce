using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Dashboard.Application.Backup;
using Growth.Domain.Backup;
using Growth.Domain.Ledger;
using Growth.Grains.Backup;
using Growth.Grains.Figures;
using Growth.Grains.Forecast;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Backup and move: the demo after simulated days, exported from a host on in-memory storage and restored into a host on
/// Azure Table storage (Azurite), shows the same figures, setup version, forecast history and simulation clock, and its
/// ledger rebuilds the same money figures. A restore never writes over a workspace, and one refused after writing
/// leaves nothing behind. Moved, both then advance the same simulated days and stay identical.
/// </summary>
// Two hosts on a real table service: run alone, not beside the browser walks (under that load a page test timed out).
[Collection(ClusterFailoverTests.Alone)]
public class BackupMoveTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    /// <summary>Simulated days the demo runs before it is moved.</summary>
    const int Days = 14;
    /// <summary>Simulated days both the source and the moved copy run after the move.</summary>
    const int ResumeDays = 5;
    const string Moved = "demo-moved";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task The_demo_moved_to_table_storage_shows_the_same_figures_forecasts_setup_and_ledger()
    {
        var source = new DashboardHost();
        var target = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(),
            "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Orleans:ServiceId=move-{Guid.NewGuid():N}"[..30], "--Demo:Enabled=false");
        await source.InitializeAsync();
        await target.InitializeAsync();
        try
        {
            await source.Grains.GetGrain<ISimulationGrain>("demo").RunForAsync(TimeSpan.FromDays(Days));
            (await source.Http.GetAsync("/api/workspaces/demo/forecast")).EnsureSuccessStatusCode();
            var history = await source.Grains.GetGrain<IForecastHistoryGrain>("demo").GetAsync();
            Assert.NotEmpty(history.Weeks);

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var exported = await source.Http.GetAsync("/api/admin/workspaces/demo/backup");
            var backup = await exported.Content.ReadAsByteArrayAsync();
            var exportSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            Assert.True(exported.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(backup));
            Assert.Equal("application/zip", exported.Content.Headers.ContentType?.MediaType);
            // The demo was running (on its fake clock): paused for the export and running again after it.
            Assert.True((await source.Grains.GetGrain<ISimulationGrain>("demo").GetStatusAsync()).Running);

            started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var patient = await PatientAdminAsync(target);
            using var restored = await patient.PostAsync($"/api/admin/workspaces/{Moved}/restore", BackupFiles.Zip(backup));
            var body = await restored.Content.ReadAsStringAsync();
            var restoreSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            Assert.True(restored.StatusCode == HttpStatusCode.OK, body);
            var report = JsonSerializer.Deserialize<RestoreReport>(body, Json)!;
            output.WriteLine($"demo after {Days} days: {backup.Length} bytes, {report.Records.GetValueOrDefault("journey")} journeys, " +
                $"{report.LedgerEntries} opening ledger entries; export {exportSeconds:0.0} s, restore {restoreSeconds:0.0} s");
            Assert.True(report.OpeningLedger, "memory storage keeps no ledger: the restore on table storage opens one");
            Assert.True(report.Records["journey"] > 100, $"{report.Records["journey"]} journeys");
            // Each shard restored as shards keep their lists: its record counts pages, and the pages hold every journey.
            Assert.Equal(report.Records["journey"], await PagedJourneysAsync(target, Moved));

            await AssertSameAsync(source, "demo", target, Moved);

            // The ledger (opening entries from the journeys) rebuilds exactly the live money figures.
            var check = (await target.Http.GetFromJsonAsync<LedgerCheck>($"/api/admin/workspaces/{Moved}/ledger", Json))!;
            Assert.Empty(check.Differences);
            Assert.True(check.Ledger.Revenue > 0 && check.Ledger.Orders > 0, $"{check.Ledger}");
            Assert.Equal(check.Live, check.Ledger);

            // Never over an existing workspace.
            using var again = await target.Http.PostAsync($"/api/admin/workspaces/{Moved}/restore", BackupFiles.Zip(backup));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains($"workspace {Moved} already exists", await again.Content.ReadAsStringAsync());

            // Figures that do not match the records: refused after writing, and everything written is forgotten;
            // the name is free again and takes the true backup.
            var tampered = BackupFiles.WithManifest(backup, m => m with { Figures = m.Figures! with { Total = m.Figures!.Total with { Revenue = m.Figures!.Total.Revenue + 1 } } });
            using var refused = await patient.PostAsync("/api/admin/workspaces/demo-tampered/restore", BackupFiles.Zip(tampered));
            var refusal = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.Conflict, refusal);
            Assert.Contains("differ from the backup", refusal);
            await BackupFiles.AssertNothingOfAsync(target, "demo-tampered");
            Assert.Empty(await target.Grains.GetGrain<IBackupStoreGrain>(0).LedgerAsync("demo-tampered"));
            using var retried = await patient.PostAsync("/api/admin/workspaces/demo-tampered/restore", BackupFiles.Zip(backup));
            Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync());
            await AssertSameAsync(source, "demo", target, "demo-tampered");

            // Moved, then resumed: both advance the same simulated days and stay identical (figures, forecasts, clock),
            // and the moved one's ledger still rebuilds its money figures.
            var before = (await target.Grains.GetGrain<ISimulationGrain>(Moved).GetStatusAsync()).Steps;
            await source.Grains.GetGrain<ISimulationGrain>("demo").RunForAsync(TimeSpan.FromDays(ResumeDays));
            var resumed = await target.Grains.GetGrain<ISimulationGrain>(Moved).RunForAsync(TimeSpan.FromDays(ResumeDays));
            Assert.True(resumed.Steps > before, $"{resumed.Steps} steps after resuming, {before} before");
            await AssertSameAsync(source, "demo", target, Moved);
            check = (await target.Http.GetFromJsonAsync<LedgerCheck>($"/api/admin/workspaces/{Moved}/ledger", Json))!;
            Assert.Empty(check.Differences);
            Assert.Equal(check.Live, check.Ledger);

        }
        finally
        {
            await target.DisposeAsync();
            await source.DisposeAsync();
        }
    }

    /// <summary>Journeys on the stored pages of the workspace's shards, each shard's own record holding no list.</summary>
    static async Task<int> PagedJourneysAsync(DashboardHost host, string workspace)
    {
        var store = host.Grains.GetGrain<IBackupStoreGrain>(0);
        var serializer = host.App.Services.GetRequiredService<Serializer>();
        var journeys = 0;
        for (var i = 0; i < Keys.ShardCount; i++)
        {
            var shard = (ShardRecord)BackupParts.Shard.Decode(serializer, Assert.Single(await store.ReadAsync(BackupParts.Shard.Name, workspace, [$"shard-{i}"])).Data);
            Assert.Empty(shard.Entries);
            var pages = await store.ReadAsync(BackupParts.ShardPage.Name, workspace, [.. Enumerable.Range(0, shard.Pages).Select(p => $"shard-{i}/{p}")]);
            Assert.Equal(shard.Pages, pages.Count);
            journeys += pages.Sum(p => ((ShardPageRecord)BackupParts.ShardPage.Decode(serializer, p.Data)).Entries.Count);
        }
        return journeys;
    }

    /// <summary>
    /// The administrator on a client that waits for a restore: about 73 s for the demo on Azurite on this loaded machine,
    /// past HttpClient's default 100 s under heavier load (a guard, not a timing assertion).
    /// </summary>
    static async Task<HttpClient> PatientAdminAsync(DashboardHost host)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(20) };
        (await client.PostAsJsonAsync("/api/session", new { userName = DashboardHost.AdminName, password = host.AdminPassword })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Same figures (every tally of every group, and the snapshot's rows), setup version, forecast history and clock.</summary>
    static async Task AssertSameAsync(DashboardHost a, string wa, DashboardHost b, string wb)
    {
        var fa = BackupFigures.Of((await a.Grains.GetGrain<IStatisticsExportGrain>(wa).ExportAsync()).Figures);
        var fb = BackupFigures.Of((await b.Grains.GetGrain<IStatisticsExportGrain>(wb).ExportAsync()).Figures);
        Assert.Empty(fa.DifferencesFrom(fb));
        Assert.Equal(fa.Fingerprint, fb.Fingerprint);
        Assert.True(fa.Total.Revenue > 0 && fa.Total.Orders > 0 && fa.Total.Leads > 0 && fa.Reps.Count > 0, $"{fa.Total}");

        var sa = (await a.Grains.GetGrain<IWorkspaceStatisticsGrain>(wa).RefreshAsync())!;
        var sb = (await b.Grains.GetGrain<IWorkspaceStatisticsGrain>(wb).RefreshAsync())!;
        foreach (var (x, y) in new (object, object)[] { (sa.Revenue, sb.Revenue), (sa.Funnel, sb.Funnel), (sa.Regions, sb.Regions), (sa.Teams, sb.Teams), (sa.Reps, sb.Reps), (sa.Campaigns, sb.Campaigns) })
            Assert.Equal(JsonSerializer.Serialize(x, Json), JsonSerializer.Serialize(y, Json));
        Assert.Equal(JsonSerializer.Serialize(await a.Grains.GetGrain<IWorkspaceStatisticsGrain>(wa).GetHistoryAsync(), Json),
            JsonSerializer.Serialize(await b.Grains.GetGrain<IWorkspaceStatisticsGrain>(wb).GetHistoryAsync(), Json));

        Assert.Equal((await a.Grains.GetGrain<ISetupGrain>(wa).GetAsync())?.Version, (await b.Grains.GetGrain<ISetupGrain>(wb).GetAsync())?.Version);
        Assert.Equal(JsonSerializer.Serialize(await a.Grains.GetGrain<IForecastHistoryGrain>(wa).GetAsync(), Json),
            JsonSerializer.Serialize(await b.Grains.GetGrain<IForecastHistoryGrain>(wb).GetAsync(), Json));
        var ca = await a.Grains.GetGrain<ISimulationGrain>(wa).GetStatusAsync();
        var cb = await b.Grains.GetGrain<ISimulationGrain>(wb).GetStatusAsync();
        Assert.Equal((ca.Seed, ca.SimulatedNow, ca.Steps, ca.Leads), (cb.Seed, cb.SimulatedNow, cb.Steps, cb.Leads));
        Assert.False(cb.Running);
        Assert.Equal((await a.Grains.GetGrain<IWorkspaceGrain>(wa).GetAsync())!.Kind, (await b.Grains.GetGrain<IWorkspaceGrain>(wb).GetAsync())!.Kind);
    }
}
