using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Grains.Figures;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The contract stage's, collections' and lead pool's events (returned to the pool, reassigned, graded) through the
/// ingestion API: accepted, idempotent, ordered, refused alone, and an unreadable batch refused whole.
/// </summary>
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

    static object PoolEvent(string id, string kind, double days, string? grade = null, string? reason = null, string team = "team-a", string rep = "rep-a") => new
    {
        journeyId = "lead-p", id, kind, at = T0.AddDays(days).ToString("O"), grade, reason, regionId = "north", teamId = team, repId = rep,
    };

    async Task<JsonElement> LeadAsync(string ws) =>
        JsonDocument.Parse(await (await host.Http.GetAsync($"/api/workspaces/{ws}/journeys/lead-p")).Content.ReadAsStringAsync()).RootElement.GetProperty("state");

    static (string?, int, bool, string?, string?) Pool(JsonElement s) => (s.GetProperty("grade").GetString(), s.GetProperty("returns").GetInt32(),
        s.GetProperty("inPool").GetBoolean(), s.GetProperty("teamId").GetString(), s.GetProperty("repId").GetString());

    [Fact]
    public async Task Returned_to_pool_reassigned_and_graded_are_ingested_once_in_their_place_and_refused_alone_or_whole()
    {
        const string ws = "ingest-pool-events";
        var batch = new[]
        {
            PoolEvent("p1", "LeadCreated", 0), PoolEvent("p2", "Graded", 0.5, grade: "B", reason: "3 of 4 signals"),
            PoolEvent("p3", "ReturnedToPool", 2, reason: "no first contact by the deadline"),
            PoolEvent("p4", "Reassigned", 2.5, reason: "from the pool", team: "team-b", rep: "rep-b"),
        };
        Assert.All((await Post(ws, batch)).Results, r => Assert.Equal("accepted", r));
        Assert.Equal(("B", 1, false, "team-b", "rep-b"), Pool(await LeadAsync(ws)));

        // Idempotent: the same batch again is applied once.
        Assert.All((await Post(ws, batch)).Results, r => Assert.Equal("duplicate", r));
        Assert.Equal(("B", 1, false, "team-b", "rep-b"), Pool(await LeadAsync(ws)));

        // Ordered: a grade dated before the B arrives late and lands in its place, so the later B stays the lead's grade;
        // a return dated before p3 would make p3 impossible (the lead would already be in the pool): it alone is rejected, naming p3.
        var late = await Post(ws, PoolEvent("p5", "Graded", 0.2, grade: "D"), PoolEvent("p6", "ReturnedToPool", 1));
        Assert.Equal(["accepted", "rejected"], late.Results);
        Assert.Contains("p3", late.Reasons[1]);
        Assert.Equal(("B", 1, false, "team-b", "rep-b"), Pool(await LeadAsync(ws)));

        // Refused alone, nothing changed: a reassignment of a lead not in the pool, a reassignment naming no rep, a grade missing.
        var wrong = await Post(ws, PoolEvent("p7", "Reassigned", 3, team: "team-c", rep: "rep-c"),
            new { journeyId = "lead-p", id = "p8", kind = "Graded", at = T0.AddDays(3).ToString("O") });
        Assert.Equal(["rejected", "rejected"], wrong.Results);
        Assert.Contains("send ReturnedToPool first", wrong.Reasons[0]);
        Assert.Contains("Graded needs a grade", wrong.Reasons[1]);
        // The pool's order holds: back to the pool, then reassigned, then graded again (A) in one batch.
        var again = await Post(ws, PoolEvent("p9", "ReturnedToPool", 4, reason: "unanswered follow-ups"),
            PoolEvent("p10", "Reassigned", 4.5, team: "team-a", rep: "rep-a"), PoolEvent("p11", "Graded", 5, grade: "A"));
        Assert.All(again.Results, r => Assert.Equal("accepted", r));
        Assert.Equal(("A", 2, false, "team-a", "rep-a"), Pool(await LeadAsync(ws)));

        // All or nothing: a batch with an unreadable grade is refused whole (400, naming where), and its valid events are not applied.
        var before = await LeadAsync(ws);
        var unreadable = await host.Http.PostAsync($"/api/workspaces/{ws}/events", new StringContent(
            $"[{JsonSerializer.Serialize(PoolEvent("p12", "ReturnedToPool", 6))}, {JsonSerializer.Serialize(PoolEvent("p13", "Graded", 6, grade: "E"))}]",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("$[1].grade", await unreadable.Content.ReadAsStringAsync());
        Assert.Equal(before.ToString(), (await LeadAsync(ws)).ToString());
    }
}
