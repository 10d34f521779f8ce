using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// An import yields a setup: the import keeps its price list, and a calibrated simulation created from it stores the
/// setup its history yields (products and prices, reps with run-rate quotas, never 0) and is built from it, paused
/// until the user has reviewed the setup and starts it.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportSetupTests(DashboardHost host)
{
    HttpClient Http => host.Http;

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_calibrated_simulation_is_built_from_the_setup_its_import_yields_and_starts_when_asked()
    {
        const string history = "isetup-history", simulation = "isetup-sim";
        await Json(await Http.PostAsync($"/api/workspaces/{history}/imports", ImportSample.MavenUpload()), HttpStatusCode.OK);
        // The import keeps its price list as its workspace's catalogue.
        var imported = (await host.Grains.GetGrain<ISetupGrain>(history).GetAsync())!.Document;
        Assert.Equal(MavenSample.ListPrices.OrderBy(p => p.Key), imported.Catalogue.Products.Select(p => KeyValuePair.Create(p.Name, p.ListPrice)).OrderBy(p => p.Key));

        var created = await Json(await Http.PostAsJsonAsync($"/api/workspaces/{simulation}/simulation/calibrated?from={history}", new { seed = 7, run = false }),
            HttpStatusCode.OK);
        Assert.False(created.GetProperty("simulation").GetProperty("running").GetBoolean());
        Assert.True(created.GetProperty("simulation").GetProperty("created").GetBoolean());
        Assert.Equal(1, created.GetProperty("setup").GetProperty("number").GetInt32());
        Assert.Equal($"from import of {history}", created.GetProperty("setup").GetProperty("note").GetString());
        Assert.Contains(created.GetProperty("calibration").GetProperty("products").EnumerateArray(), p => p.GetProperty("name").GetString() == "GTX Pro");

        var current = (await host.Grains.GetGrain<ISetupGrain>(simulation).GetAsync())!;
        var setup = current.Document;
        Assert.Equal(simulation, setup.Company.Name);
        Assert.Equal(MavenSample.ListPrices.OrderBy(p => p.Key), setup.Catalogue.Products.Select(p => KeyValuePair.Create(p.Name, p.ListPrice)).OrderBy(p => p.Key));
        var quotas = setup.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).ToDictionary(r => r.Id, r => r.Quota);
        Assert.Equal(35, quotas.Count);
        Assert.All(quotas, q => Assert.True(q.Value > 0, $"{q.Key} has quota {q.Value}"));
        Assert.Equal(4, setup.Targets.Targets.Count);

        // The simulation's organisation is the setup's: every rep carries their quota as target.
        var organisation = (await host.Grains.GetGrain<IWorkspaceGrain>(simulation).GetOrganisationAsync())!;
        Assert.Equal(quotas.OrderBy(q => q.Key), organisation.Reps.Select(r => KeyValuePair.Create(r.Id, r.Target)).OrderBy(q => q.Key));

        var started = await Json(await Http.PostAsync($"/api/workspaces/{simulation}/simulation/resume", null), HttpStatusCode.OK);
        Assert.True(started.GetProperty("running").GetBoolean());
        await Json(await Http.PostAsync($"/api/workspaces/{simulation}/simulation/pause", null), HttpStatusCode.OK);
    }
}
