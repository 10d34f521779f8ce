using System.Net.Http.Json;
using Growth.Dashboard.Application.Pool;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The lead pool's CSV on the forecast tests' simulated workspace: every lead of the three lists (waiting, overdue,
/// returned), not only the oldest the page shows, each list's count as the pool counts it.
/// </summary>
[Collection(DashboardCollection.Name)]
public class PoolCsvTests(DashboardHost host)
{
    const string Workspace = ForecastTests.Workspace;

    [Fact]
    public async Task The_pool_csv_holds_every_lead_of_each_list()
    {
        await ForecastTests.SimulateAsync(host, Workspace);
        var pool = (await host.Http.GetFromJsonAsync<LeadPoolAnswer>($"/api/workspaces/{Workspace}/pool", ForecastTests.Json))!.Pool;
        var csv = await host.Http.GetStringAsync($"/api/workspaces/{Workspace}/pool/leads.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PoolCsv.Header, lines[0]);
        var byList = lines.Skip(1).GroupBy(l => l.Split(',')[0]).ToDictionary(g => g.Key, g => g.Select(l => l.Split(',')[1]).ToList());
        List<string> Of(string list) => byList.GetValueOrDefault(list) ?? [];
        Assert.Equal((pool.InPool + pool.Unassigned, pool.Overdue, pool.Returned), (Of("waiting").Count, Of("overdue").Count, Of("returned").Count));
        Assert.True(lines.Length - 1 > 0, "60 days in, the pool has leads");
        // The page's lists are the oldest of the CSV's, in the same order.
        Assert.Equal(pool.Waiting.Select(l => l.JourneyId), Of("waiting").Take(pool.Waiting.Count));
        Assert.Equal(pool.ReturnedLeads.Select(l => l.JourneyId), Of("returned").Take(pool.ReturnedLeads.Count));
    }
}
