using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

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
