using System.Net.Http.Json;
using Growth.Domain.Compensation;
using Growth.Domain.Ledger;
using Growth.Domain.Setup;
using Growth.Grains.Setup;
using Growth.Hosting;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Payouts against a real money ledger (Azurite): a collection-basis plan credits exactly the ledger's payments, and
/// every line of every statement names the ledger entry it traces to.
/// </summary>
public class CompensationLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Collection_basis_statements_credit_the_ledgers_payments_line_by_line()
    {
        var service = $"comp-{Guid.NewGuid():N}"[..20];
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(),
            "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Orleans:ServiceId={service}", "--Demo:Enabled=false");
        await host.InitializeAsync();
        try
        {
            const string Workspace = "paid";
            var states = await CompensationTests.SimulateAsync(host, Workspace);
            var setup = host.Grains.GetGrain<ISetupGrain>(Workspace);
            var document = (await setup.GetAsync())!.Document;
            var calendar = new FiscalCalendar(document.Company);
            var period = states.Where(s => s.Won).GroupBy(s => calendar.QuarterOf(s.ClosedAt!.Value).Name).MaxBy(g => g.Count())!.Key;
            var quarter = calendar.Find(period)!;
            var plan = CompensationPlanSetup.Flat with { Id = "collected", Basis = CreditBasis.Collection };
            await setup.ApplyAsync(document with { Compensation = new() { Plans = [plan] } }, "test", "collection basis");

            var report = (await host.Admin!.Http.GetFromJsonAsync<CompensationReport>(
                $"/api/workspaces/{Workspace}/compensation?period={period}", CompensationTests.Json))!;
            var won = states.Where(s => s.Won).Select(s => s.Id).ToHashSet();
            var payments = (await new TableMoneyLedger(new GrowthHostingOptions
            {
                Storage = StorageKind.AzureTable, StorageConnectionString = azurite.ConnectionString,
                ServiceId = service,
            }).ReadAsync(Workspace).ToListAsync())
                .Where(e => e.Kind == MoneyKind.Payment && won.Contains(e.JourneyId) && quarter.Contains(e.At)).ToList();
            Assert.NotEmpty(payments);

            var lines = report.Statements.SelectMany(s => s.Lines).ToList();
            Assert.Equal(payments.Sum(p => p.Amount), report.Statements.Sum(s => s.Credited));
            Assert.Equal(payments.Select(PayoutSources.EntryName).Order(), lines.Select(l => l.LedgerEntry!).Order());
            Assert.Equal(payments.Sum(p => Math.Round(p.Amount * 0.08m, 2, MidpointRounding.AwayFromZero)), report.Total);
        }
        finally { await host.DisposeAsync(); }
    }
}
