using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Growth.Dashboard.Tests;

/// <summary>An erasure with durable storage (Azurite): what is stored is the erased journey, so a restart brings no name back.</summary>
// Two hosts on a real table service: run alone, not beside the browser walks (under that load a page test timed out).
[Collection(ClusterFailoverTests.Alone)]
public class CustomerDataStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    string[] Durable(string service) =>
    [
        "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}",
        $"--Orleans:ServiceId={service}", "--Demo:Enabled=false",
    ];

    static async Task<DashboardHost> StartAsync(string[] args)
    {
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(), args);
        await host.InitializeAsync();
        return host;
    }

    static async Task<string> Body(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }

    [Fact]
    public async Task An_erased_customer_stays_erased_after_a_restart_and_the_ledger_keeps_its_money()
    {
        const string ws = "privacy-durable";
        var service = $"privacy-{Guid.NewGuid():N}"[..24];
        var export = $"/api/admin/workspaces/{ws}/customers/d-102/export";
        var first = await StartAsync(Durable(service));
        string erasedState;
        try
        {
            await CustomerDataTests.IngestAsync(first.Http, ws, "d");
            Assert.Contains("Jane Doe", await Body(await first.Http.GetAsync(export)));
            await Body(await first.Http.PostAsync($"/api/admin/workspaces/{ws}/customers/d-101/erase", null));
            await Body(await first.Http.PostAsync($"/api/admin/workspaces/{ws}/customers/d-102/erase", null));
            erasedState = JsonDocument.Parse(await Body(await first.Http.GetAsync(export))).RootElement.GetProperty("state").GetRawText();
        }
        finally { await first.DisposeAsync(); }

        var second = await StartAsync(Durable(service));
        try
        {
            foreach (var journey in new[] { "d-101", "d-102" })
            {
                var stored = await Body(await second.Http.GetAsync($"/api/admin/workspaces/{ws}/customers/{journey}/export"));
                foreach (var p in CustomerDataTests.Personal) Assert.DoesNotContain(p, stored);
                Assert.Contains("Erased customer", stored);
            }
            var after = JsonDocument.Parse(await Body(await second.Http.GetAsync(export))).RootElement;
            Assert.Equal(erasedState, after.GetProperty("state").GetRawText());
            // The ledger references the journey by its id, with amounts and groups only: its money is all there.
            var ledger = after.GetProperty("ledger").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("amount").GetDecimal())).ToList();
            Assert.Equal([("Order", 1200m), ("Payment", 700m)], ledger);
            // The audit survives the restart too: one erasure, and the four exports of d-102 (two before the restart, two after).
            var kinds = after.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
            Assert.Equal((1, 4), (kinds.Count(k => k == "Erase"), kinds.Count(k => k == "Export")));
        }
        finally { await second.DisposeAsync(); }
    }
}
