using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A CRM posting existing customers with a repurchase, an invoice, a payment and a refund each, in batches of
/// ten customers. A batch that fails (a silo died under it) is sent again as it was until it is answered;
/// a money event answered accepted or duplicate is acknowledged.
/// </summary>
internal sealed class MoneyFeed(HttpClient http, string workspace)
{
    const int PerBatch = 10;
    static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    public ConcurrentDictionary<string, (string Kind, decimal Amount)> Acknowledged { get; } = new();
    int batches, retries;
    public int Batches => Volatile.Read(ref batches);
    public int Retries => Volatile.Read(ref retries);
    public string? LastError { get; private set; }

    public static string JourneyId(int n) => $"acct-{n:D5}";
    static decimal Order(int n) => 1_000 + n;
    public static decimal Collected(int n) => 600 + n % 7;
    static decimal Refund(int n) => 25 + n % 3;

    public MoneyFiguresReport Expected() => new(
        Acknowledged.Values.LongCount(v => v.Kind == "Repurchased"),
        Acknowledged.Values.Where(v => v.Kind == "Repurchased").Sum(v => v.Amount),
        Acknowledged.Values.Where(v => v.Kind == "PaymentReceived").Sum(v => v.Amount),
        Acknowledged.Values.Where(v => v.Kind == "Refunded").Sum(v => v.Amount));

    public async Task RunAsync(CancellationToken stop)
    {
        for (var b = 0; !stop.IsCancellationRequested; b++)
        {
            var events = Enumerable.Range(b * PerBatch, PerBatch).SelectMany(Journey).ToList();
            while (true)
            {
                try
                {
                    var response = await http.PostAsJsonAsync($"/api/workspaces/{workspace}/events", events, ClusterFailoverTests.Json, CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ClusterFailoverTests.Json);
                        foreach (var row in body.GetProperty("results").EnumerateArray())
                        {
                            var e = events[row.GetProperty("index").GetInt32()];
                            var result = row.GetProperty("result").GetString();
                            if (result == "rejected") throw new InvalidOperationException($"event {e.Id} was rejected: {row.GetProperty("reason")}");
                            if (e.Kind is "Repurchased" or "PaymentReceived" or "Refunded") Acknowledged[$"{e.JourneyId}/{e.Id}"] = (e.Kind, e.Amount);
                        }
                        Interlocked.Increment(ref batches);
                        break;
                    }
                    LastError = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { LastError = e.Message; }
                // Unanswered: the same batch again (same ids; what was applied before comes back as duplicate).
                Interlocked.Increment(ref retries);
            }
        }
    }

    static IEnumerable<FeedEvent> Journey(int n)
    {
        var id = JourneyId(n);
        var at = Epoch.AddMinutes(n);
        yield return new(id, $"{id}-on", "CustomerOnboarded", at, 0, "north", "north-1", $"rep-{n % 5}");
        yield return new(id, $"{id}-order", "Repurchased", at.AddHours(1), Order(n));
        yield return new(id, $"{id}-invoice", "PaymentDue", at.AddHours(2), Order(n), DueAt: at.AddDays(30));
        yield return new(id, $"{id}-paid", "PaymentReceived", at.AddHours(3), Collected(n));
        yield return new(id, $"{id}-refund", "Refunded", at.AddHours(4), Refund(n));
    }
}

internal sealed record FeedEvent(string JourneyId, string Id, string Kind, DateTimeOffset At, decimal Amount,
    string? RegionId = null, string? TeamId = null, string? RepId = null, DateTimeOffset? DueAt = null);

/// <summary>Money figures as the ledger endpoint reports them.</summary>
internal sealed record MoneyFiguresReport(long Orders, decimal Revenue, decimal Collected, decimal Refunded);
