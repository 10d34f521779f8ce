using Growth.Domain.Ledger;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Growth.Hosting;

namespace Growth.Dashboard.Tests;

/// <summary>The money ledger on a real Azurite: idempotent writes, exact amounts, and figures rebuilt from it.</summary>
public class LedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    TableMoneyLedger Ledger(string service) => new(new GrowthHostingOptions
    {
        Storage = StorageKind.AzureTable, StorageConnectionString = azurite.ConnectionString, ServiceId = service,
    });

    [Fact]
    public async Task Writing_the_same_money_events_again_keeps_one_entry_each_with_exact_amounts()
    {
        var ledger = Ledger($"ledger-{Guid.NewGuid():N}"[..20]);
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        // Ids from outside systems may hold characters table keys refuse (/ \ # ?).
        LedgerEntry[] entries =
        [
            new("acct/1#a", "crm?order\\1", MoneyKind.Order, 0.1m, at, "north", "north-1", "rep-1"),
            new("acct/1#a", "crm#pay/1", MoneyKind.Payment, 0.2m, at.AddDays(1), "north", "north-1", "rep-1"),
            new("acct/1#a", "refund-1", MoneyKind.Refund, 0.05m, at.AddDays(2), "north", "north-1", "rep-1"),
        ];
        await ledger.AppendAsync("books", "acct/1#a", entries);
        await ledger.AppendAsync("books", "acct/1#a", entries);
        await ledger.AppendAsync("books", "acct/1#a", entries[..1]);

        var read = await ledger.ReadAsync("books").ToListAsync();
        Assert.Equal(entries.OrderBy(e => e.EventId), read.OrderBy(e => e.EventId));
        var totals = LedgerTotals.From(read);
        Assert.Equal(new MoneyFigures(1, 0.1m, 0.2m, 0.05m), totals.Total);
        Assert.Empty(await ledger.ReadAsync("other-books").ToListAsync());

        await ledger.DeleteShardAsync("books", Keys.ShardOf("acct/1#a"));
        Assert.Empty(await ledger.ReadAsync("books").ToListAsync());
    }

    [Fact]
    public async Task Money_figures_rebuilt_from_the_ledger_equal_the_live_ones_after_a_simulation()
    {
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(),
            "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Orleans:ServiceId=ledger-{Guid.NewGuid():N}"[..30], "--Demo:Enabled=false");
        await host.InitializeAsync();
        try
        {
            var sim = host.Grains.GetGrain<ISimulationGrain>("books");
            await sim.CreateAsync(new SimulationSettings { Seed = 5, Regions = 2, TeamsPerRegion = 1, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 30, BudgetScale = 0.5 });
            await sim.RunForAsync(TimeSpan.FromDays(20));
            var stats = host.Grains.GetGrain<IWorkspaceStatisticsGrain>("books");
            var snapshot = (await stats.RefreshAsync())!;

            var check = await stats.CheckLedgerAsync(apply: false);
            Assert.Empty(check.Differences);
            Assert.True(check.Ledger.Orders > 0 && check.Ledger.Collected > 0, $"a 20-day run should take orders and payments: {check.Ledger}");
            Assert.Equal(snapshot.Revenue.Total, check.Ledger.Revenue);
            Assert.Equal(snapshot.Revenue.Orders, check.Ledger.Orders);
            Assert.Equal(snapshot.Receivables.Collected, check.Ledger.Collected);
            Assert.Equal(check.Live, check.Ledger);

            // Nothing to repair: a rebuild changes nothing and says so.
            var rebuilt = await stats.CheckLedgerAsync(apply: true);
            Assert.False(rebuilt.Applied);
            Assert.Equal(check.Ledger, rebuilt.Ledger);

            // A reset forgets the run's money with its journeys: the ledger is the new run's alone.
            await sim.ResetAsync(6);
            var afterReset = await stats.CheckLedgerAsync(apply: false);
            Assert.Empty(afterReset.Differences);
            Assert.True(afterReset.Entries < check.Entries, $"{afterReset.Entries} entries after the reset, {check.Entries} before");
        }
        finally { await host.DisposeAsync(); }
    }
}

/// <summary>The ledger endpoints on the default host (in-memory storage): administrators only, and no ledger to read.</summary>
[Collection(DashboardCollection.Name)]
public class LedgerEndpointTests(DashboardHost host)
{
    [Fact]
    public async Task Without_durable_storage_the_ledger_is_refused_with_the_reason_and_only_administrators_may_ask()
    {
        var response = await host.Http.GetAsync("/api/admin/workspaces/demo/ledger");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Storage:Kind=AzureTable", body);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/api/admin/workspaces/demo/ledger")).StatusCode);
        var leader = await host.SignInAsAsync("demo:Leadership");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await leader.Http.PostAsync("/api/admin/workspaces/demo/ledger/rebuild", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await host.Http.GetAsync("/api/admin/workspaces/Not_A_Name/ledger")).StatusCode);
    }
}
