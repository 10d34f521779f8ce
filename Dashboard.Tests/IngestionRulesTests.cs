using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Grains.Figures;

namespace Growth.Dashboard.Tests;

/// <summary>The contract stage's and collections' events through the ingestion API: accepted, idempotent, ordered, refused alone.</summary>
[Collection(DashboardCollection.Name)]
public class IngestionRulesTests(DashboardHost host)
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static object Event(string id, string kind, double days, decimal amount = 0, string? reason = null, double? dueDays = null) => new
    {
        journeyId = "deal-1", id, kind, at = T0.AddDays(days).ToString("O"), amount, reason, regionId = "north", teamId = "team-a", repId = "rep-a",
        dueAt = dueDays is { } d ? T0.AddDays(d).ToString("O") : null,
    };

    async Task<(string[] Results, string?[] Reasons)> Post(string ws, params object[] events)
    {
        var response = await host.Http.PostAsJsonAsync($"/api/workspaces/{ws}/events", events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var results = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().ToList();
        return (results.Select(r => r.GetProperty("result").GetString()!).ToArray(),
            results.Select(r => r.TryGetProperty("reason", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null).ToArray());
    }

    [Fact]
    public async Task Each_new_event_kind_is_ingested_once_in_its_place_and_reaches_the_figures()
    {
        const string ws = "ingest-rules";
        var win = new[]
        {
            Event("e1", "LeadCreated", 0), Event("e2", "Qualified", 1), Event("e3", "OpportunityOpened", 2, 10_000),
            Event("e4", "Won", 20, 9000),
            Event("e5", "ContractDrafted", 22, 8000), Event("e6", "ApprovalRequested", 22, 8000, "discount 20 % above the 10 % limit"),
            // Signed while the approval waits: refused alone, the rest applied.
            Event("e7", "OrderSigned", 23, 8000),
        };
        var first = await Post(ws, win);
        Assert.Equal(["accepted", "accepted", "accepted", "accepted", "accepted", "accepted", "rejected"], first.Results);
        Assert.Contains("still waiting: send ApprovalGranted or ApprovalRefused first", first.Reasons[6]);

        var rest = new[]
        {
            Event("e8", "ApprovalGranted", 24), Event("e7", "OrderSigned", 24, 8000),
            Event("e9", "InstalmentDue", 24, 4000, "instalment 1 of 2", dueDays: 54),
            Event("e10", "InstalmentDue", 54, 4000, "instalment 2 of 2", dueDays: 84),
            Event("e11", "PaymentOverdue", 54, 4000), Event("e12", "ReminderSent", 61, 4000, "7 days past due"),
            Event("e13", "WrittenOff", 144, 4000, "unpaid 90 days past due"),
        };
        Assert.All((await Post(ws, rest)).Results, r => Assert.Equal("accepted", r));
        // A retry is applied once; a late refusal dated before the grant would break it, so it alone is rejected, naming it.
        Assert.All((await Post(ws, rest)).Results, r => Assert.Equal("duplicate", r));
        var late = await Post(ws, Event("e14", "ApprovalRefused", 23));
        Assert.Equal(["rejected"], late.Results);
        Assert.Contains("e8", late.Reasons[0]);

        var state = JsonDocument.Parse(await (await host.Http.GetAsync($"/api/workspaces/{ws}/journeys/deal-1")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("state");
        Assert.Equal((8000m, 8000m, 0m, 4000m), (state.GetProperty("orderValue").GetDecimal(), state.GetProperty("billed").GetDecimal(),
            state.GetProperty("collected").GetDecimal(), state.GetProperty("writtenOff").GetDecimal()));
        Assert.Equal((2, 1, 1), (state.GetProperty("instalments").GetInt32(), state.GetProperty("reminders").GetInt32(), state.GetProperty("approvalsRequested").GetInt32()));

        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        var snapshot = JsonDocument.Parse(await (await host.Http.GetAsync($"/api/workspaces/{ws}/snapshot")).Content.ReadAsStringAsync()).RootElement;
        var c = snapshot.GetProperty("collections");
        Assert.Equal((1, 0, 2, 1, 4000m, 1), (c.GetProperty("approvalsRequested").GetInt32(), c.GetProperty("approvalsWaiting").GetInt32(),
            c.GetProperty("instalments").GetInt32(), c.GetProperty("reminders").GetInt32(), c.GetProperty("writtenOff").GetDecimal(), c.GetProperty("writeOffs").GetInt32()));
        Assert.Equal(22, c.GetProperty("averageDaysToOrder").GetDouble(), 9);
        // Revenue stays booked at the order; the written-off half has left receivables.
        Assert.Equal(8000m, snapshot.GetProperty("revenue").GetProperty("total").GetDecimal());
        Assert.Equal(4000m, snapshot.GetProperty("receivables").GetProperty("outstanding").GetDecimal());
    }
}
