using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Growth.Dashboard.Tests;

/// <summary>What the cluster tests ask the web host while silos come and go: the ledger, the simulated clock, waits.</summary>
internal static class ClusterChecks
{
    public static async Task<LedgerReport> LedgerAsync(HttpClient http, string workspace)
    {
        var response = await http.GetAsync($"/api/admin/workspaces/{workspace}/ledger");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ledger of {workspace}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<LedgerReport>(body, ClusterFailoverTests.Json)!;
    }

    /// <summary>The simulation's clock, or nothing while the cluster does not answer within the wait (5 s unless given).</summary>
    public static async Task<DateTimeOffset?> TrySimulatedNowAsync(HttpClient http, string workspace, TimeSpan? wait = null)
    {
        try
        {
            using var cancel = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(5));
            var status = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/simulation", cancel.Token);
            return status.GetProperty("simulatedNow").GetDateTimeOffset();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return null; }
    }

    /// <summary>
    /// Stops the feed and pauses the simulation, then counts: every acknowledged money event of the fed workspace is
    /// in its ledger exactly once with the same sums, and the simulated workspace's live figures equal its ledger.
    /// </summary>
    public static async Task AssertQuietLedgersAsync(HttpClient http, MoneyFeed feed, CancellationTokenSource stopFeed, Task feeding,
        string simulatedWorkspace, string fedWorkspace, ITestOutputHelper output)
    {
        await stopFeed.CancelAsync();
        await feeding;
        Assert.True((await http.PostAsync($"/api/workspaces/{simulatedWorkspace}/simulation/pause", null)).IsSuccessStatusCode);
        var fed = await Eventually(() => LedgerAsync(http, fedWorkspace), c => c.Differences.Count == 0, TimeSpan.FromSeconds(30));
        foreach (var d in fed.Differences.Take(20)) output.WriteLine($"  {d}");
        output.WriteLine($"feed: {feed.Batches} batches, {feed.Acknowledged.Count} money events acknowledged ({feed.Retries} batch retries); ledger {fed.Entries} entries, total {fed.Ledger}");
        Assert.Equal(feed.Acknowledged.Count, fed.Entries);
        Assert.Equal(feed.Expected(), fed.Ledger);
        Assert.Empty(fed.Differences);
        var simulated = await Eventually(() => LedgerAsync(http, simulatedWorkspace), c => c.Differences.Count == 0, TimeSpan.FromSeconds(30));
        output.WriteLine($"simulation: ledger {simulated.Entries} entries, total {simulated.Ledger}; live {simulated.Live}");
        foreach (var d in simulated.Differences.Take(20)) output.WriteLine($"  {d}");
        Assert.Empty(simulated.Differences);
        Assert.True(simulated.Entries > 0);
    }

    public static Task Until(Func<bool> condition, TimeSpan limit, string what, MoneyFeed feed) =>
        Until(() => Task.FromResult(condition()), limit, what, feed);

    /// <summary>Polls until the condition holds; past the guard it fails naming what it waited for.</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan limit, string what, MoneyFeed feed)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"waited {limit.TotalSeconds} s for {what}; feed: {feed.Batches} batches, last error: {feed.LastError}");
            await tick.WaitForNextTickAsync();
        }
    }

    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > limit) return value;
            await tick.WaitForNextTickAsync();
        }
    }
}

/// <summary>The ledger endpoint's answer: entries, sums from the ledger and from the live figures, their differences.</summary>
internal sealed record LedgerReport(string Workspace, long Entries, MoneyFiguresReport Ledger, MoneyFiguresReport Live, List<string> Differences);
