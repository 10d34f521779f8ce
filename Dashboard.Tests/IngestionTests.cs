using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>The batch ingestion API over real HTTP: per-event results, duplicates, order, limits and bad input.</summary>
[Collection(DashboardCollection.Name)]
public class IngestionTests(DashboardHost host)
{
    HttpClient Http => host.Http;

    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    static string At(double hours) => (T0 + TimeSpan.FromHours(hours)).ToString("O");

    static object Event(string journeyId, string id, string kind, double hours, decimal? amount = null, string? reason = null) =>
        new { journeyId, id, kind, at = At(hours), amount = amount ?? 0, reason, regionId = "north", teamId = "team-a", repId = "rep-a" };

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    Task<HttpResponseMessage> Post(string workspace, object events) => Http.PostAsJsonAsync($"/api/workspaces/{workspace}/events", events);

    Task<HttpResponseMessage> PostRaw(string workspace, string body, string mediaType = "application/json") =>
        Http.PostAsync($"/api/workspaces/{workspace}/events", new StringContent(body, Encoding.UTF8, mediaType));

    static string[] Results(JsonElement response) =>
        response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("result").GetString()!).ToArray();

    async Task<string> Journey(string workspace, string id)
    {
        var response = await Http.GetAsync($"/api/workspaces/{workspace}/journeys/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? "none" : (await Json(response, HttpStatusCode.OK)).GetProperty("state").GetRawText();
    }

    [Fact]
    public async Task Each_event_gets_its_result_and_a_retried_event_is_applied_once()
    {
        const string ws = "ingest-basic";
        var batch = new[]
        {
            Event("lead-1", "l1-created", "LeadCreated", 0),
            Event("lead-2", "l2-created", "LeadCreated", 0),
            Event("lead-1", "l1-contacted", "Contacted", 1),
            Event("lead-1", "l1-qualified", "Qualified", 2),
            Event("lead-2", "l2-contacted", "Contacted", 3),
        };
        var first = await Json(await Post(ws, batch), HttpStatusCode.OK);
        Assert.Equal(["accepted", "accepted", "accepted", "accepted", "accepted"], Results(first));
        Assert.Equal(5, first.GetProperty("accepted").GetInt32());
        Assert.Equal([0, 1, 2, 3, 4], first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));

        var before = await Journey(ws, "lead-1");
        var retry = await Json(await Post(ws, new[] { batch[2], Event("lead-1", "l1-followed", "FollowedUp", 4), batch[2] }), HttpStatusCode.OK);
        Assert.Equal(["duplicate", "accepted", "duplicate"], Results(retry));
        var state = JsonDocument.Parse(await Journey(ws, "lead-1")).RootElement;
        Assert.Equal(1, state.GetProperty("contacts").GetInt32());
        Assert.Equal(4, state.GetProperty("eventCount").GetInt32());
        Assert.NotEqual(before, await Journey(ws, "lead-1"));

        // Idempotency is kept with the journey: it survives the journey being deactivated and activated again.
        await host.Grains.GetGrain<IJourneyGrain>(Keys.Of(ws, "lead-1")).AsReference<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var afterReactivation = await Json(await Post(ws, batch), HttpStatusCode.OK);
        Assert.Equal(["duplicate", "duplicate", "duplicate", "duplicate", "duplicate"], Results(afterReactivation));
        Assert.Equal(4, JsonDocument.Parse(await Journey(ws, "lead-1")).RootElement.GetProperty("eventCount").GetInt32());
    }

    [Fact]
    public async Task An_unknown_workspace_becomes_a_live_workspace_with_figures()
    {
        const string ws = "ingest-live";
        await Json(await Http.GetAsync($"/api/workspaces/{ws}/snapshot"), HttpStatusCode.NotFound);
        var events = new[]
        {
            Event("deal-1", "d1-1", "LeadCreated", 0), Event("deal-1", "d1-2", "Qualified", 1),
            Event("deal-1", "d1-3", "OpportunityOpened", 2, 1000), Event("deal-1", "d1-4", "Won", 50, 1200),
            Event("deal-2", "d2-1", "LeadCreated", 0), Event("deal-2", "d2-2", "Qualified", 1),
            Event("deal-2", "d2-3", "OpportunityOpened", 2, 800), Event("deal-2", "d2-4", "Lost", 26, reason: "price"),
        };
        Assert.Equal(8, (await Json(await Post(ws, events), HttpStatusCode.OK)).GetProperty("accepted").GetInt32());

        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        var snapshot = await Json(await Http.GetAsync($"/api/workspaces/{ws}/snapshot"), HttpStatusCode.OK);
        var deals = snapshot.GetProperty("deals");
        Assert.Equal((1, 1, 0.5, 1200m), (deals.GetProperty("won").GetInt32(), deals.GetProperty("lost").GetInt32(),
            deals.GetProperty("winRate").GetDouble(), deals.GetProperty("wonValue").GetDecimal()));
        Assert.Equal(2, deals.GetProperty("averageDaysToClose").GetDouble(), 9);
        Assert.Contains(snapshot.GetProperty("teams").EnumerateArray(), t => t.GetProperty("id").GetString() == "team-a");
        var directory = await host.Grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync();
        Assert.Contains(new WorkspaceEntry(ws, WorkspaceKind.Live), directory);
    }

    [Fact]
    public async Task A_late_event_lands_in_its_place_and_one_that_contradicts_later_events_is_rejected_alone()
    {
        const string ws = "ingest-order";
        await Json(await Post(ws, new[]
        {
            Event("lead-9", "c", "LeadCreated", 0),
            Event("lead-9", "q", "Qualified", 10),
            Event("lead-9", "o", "OpportunityOpened", 20, 500),
        }), HttpStatusCode.OK);

        // A contact made before the qualification arrives last: it is placed at its own time.
        var late = await Json(await Post(ws, new[] { Event("lead-9", "k", "Contacted", 5) }), HttpStatusCode.OK);
        Assert.Equal(["accepted"], Results(late));
        var state = JsonDocument.Parse(await Journey(ws, "lead-9")).RootElement;
        Assert.Equal(T0 + TimeSpan.FromHours(5), state.GetProperty("firstContactAt").GetDateTimeOffset());
        Assert.Equal(T0 + TimeSpan.FromHours(20), state.GetProperty("lastEventAt").GetDateTimeOffset());
        Assert.Equal("Prospect", state.GetProperty("status").GetString());

        // A disqualification dated before the opportunity would make the opportunity impossible: only it is rejected.
        var before = await Journey(ws, "lead-9");
        var contradicting = await Json(await Post(ws, new[]
        {
            Event("lead-9", "dq", "Disqualified", 15, reason: "junk"),
            Event("lead-9", "s1", "StepPassed", 21),
        }), HttpStatusCode.OK);
        var rows = contradicting.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal("rejected", rows[0].GetProperty("result").GetString());
        Assert.Contains("o (OpportunityOpened)", rows[0].GetProperty("reason").GetString());
        Assert.Equal("rejected", rows[1].GetProperty("result").GetString()); // StepPassed without a step
        Assert.Contains("needs step", rows[1].GetProperty("reason").GetString());
        Assert.Equal(before, await Journey(ws, "lead-9"));
    }

    [Fact]
    public async Task Ndjson_batches_are_read_line_by_line()
    {
        const string ws = "ingest-ndjson";
        var lines = string.Join("\n",
            JsonSerializer.Serialize(Event("n-1", "a", "LeadCreated", 0)),
            "",
            JsonSerializer.Serialize(Event("n-1", "b", "Contacted", 1)));
        var ok = await Json(await PostRaw(ws, lines, "application/x-ndjson"), HttpStatusCode.OK);
        Assert.Equal(["accepted", "accepted"], Results(ok));

        var broken = await Json(await PostRaw(ws, lines + "\n{\"journeyId\":\"n-1\", \"id\": ", "application/x-ndjson"), HttpStatusCode.BadRequest);
        Assert.StartsWith("line 4:", broken.GetProperty("detail").GetString());
        Assert.Equal(4, broken.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Bad_events_are_rejected_one_by_one_with_their_reason_and_nothing_stored_changes()
    {
        const string ws = "ingest-bad";
        await Json(await Post(ws, new[] { Event("known", "k1", "LeadCreated", 0) }), HttpStatusCode.OK);
        var before = await Journey(ws, "known");

        var response = await Json(await Post(ws, new object[]
        {
            Event("stranger", "s1", "Contacted", 1),
            Event("known", "k2", "Contacted", 1, amount: -10),
            new { id = "x1", kind = "LeadCreated", at = At(1) },
            Event("Bad/Id", "x2", "LeadCreated", 1),
            Event("known", "", "Contacted", 1),
        }), HttpStatusCode.OK);
        var reasons = response.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("result").GetString(), r.GetProperty("reason").GetString())).ToArray();
        Assert.All(reasons, r => Assert.Equal("rejected", r.Item1));
        Assert.Contains("needs a journey that exists", reasons[0].Item2);
        Assert.Contains("-10", reasons[1].Item2);
        Assert.Equal("journeyId is required", reasons[2].Item2);
        Assert.Contains("Bad/Id", reasons[3].Item2);
        Assert.Contains("event id", reasons[4].Item2);

        Assert.Equal(before, await Journey(ws, "known"));
        Assert.Equal("none", await Journey(ws, "stranger"));
    }

    [Fact]
    public async Task Unreadable_bodies_get_400_naming_where_they_broke_and_nothing_is_applied()
    {
        const string ws = "ingest-malformed";
        await Json(await Post(ws, new[] { Event("j", "j1", "LeadCreated", 0) }), HttpStatusCode.OK);
        var before = await Journey(ws, "j");
        var valid = JsonSerializer.Serialize(Event("j", "j2", "Contacted", 1));

        var malformed = await Json(await PostRaw(ws, $"[{valid}, {{\"journeyId\": \"j\", "), HttpStatusCode.BadRequest);
        Assert.Contains("BytePositionInLine", malformed.GetProperty("detail").GetString());
        Assert.Equal("application/problem+json", (await PostRaw(ws, "[{")).Content.Headers.ContentType?.MediaType);

        var wrongType = await Json(await PostRaw(ws, $"[{valid}, {{\"journeyId\":\"j\",\"id\":\"j3\",\"kind\":\"Contacted\",\"at\":\"{At(2)}\",\"amount\":\"lots\"}}]"), HttpStatusCode.BadRequest);
        Assert.StartsWith("event 1:", wrongType.GetProperty("detail").GetString());
        Assert.Equal("$[1].amount", wrongType.GetProperty("path").GetString());

        var badDate = await Json(await PostRaw(ws, "[{\"journeyId\":\"j\",\"id\":\"j4\",\"kind\":\"Contacted\",\"at\":\"yesterday\"}]"), HttpStatusCode.BadRequest);
        Assert.Equal("$[0].at", badDate.GetProperty("path").GetString());
        var unknownKind = await Json(await PostRaw(ws, "[{\"journeyId\":\"j\",\"id\":\"j5\",\"kind\":\"Teleported\",\"at\":\"2026-03-02T09:00:00Z\"}]"), HttpStatusCode.BadRequest);
        Assert.Equal("$[0].kind", unknownKind.GetProperty("path").GetString());
        await Json(await PostRaw(ws, "{\"journeyId\":\"j\"}"), HttpStatusCode.BadRequest);
        await Json(await PostRaw(ws, "[]"), HttpStatusCode.BadRequest);

        Assert.Equal(before, await Journey(ws, "j"));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("-dash-first")]
    public async Task An_invalid_workspace_name_is_refused(string name)
    {
        var problem = await Json(await Post(name, new[] { Event("a", "a1", "LeadCreated", 0) }), HttpStatusCode.BadRequest);
        Assert.Contains(name, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(await host.Grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync(), w => w.Name == name);
    }

    [Fact]
    public async Task Batches_over_the_limits_get_413_and_nothing_is_applied()
    {
        const string ws = "ingest-limits";
        await Json(await Post(ws, new[] { Event("big", "b0", "LeadCreated", 0) }), HttpStatusCode.OK);
        var before = await Journey(ws, "big");

        var tooMany = Enumerable.Range(1, 10_001).Select(i => Event("big", $"b{i}", "Contacted", i)).ToArray();
        var problem = await Json(await Post(ws, tooMany), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10000", problem.GetProperty("detail").GetString());

        // 50 MB, announced by its length: refused before it is read.
        var huge = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{ws}/events") { Content = huge };
        request.Headers.ExpectContinue = true;
        var tooLarge = await Json(await Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("16777216", tooLarge.GetProperty("detail").GetString());

        // The same without a length (chunked): refused once the limit is passed while reading.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("[" + new string(' ', 17 * 1024 * 1024) + "]")));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var streamed = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{ws}/events") { Content = chunked };
        streamed.Headers.TransferEncodingChunked = true;
        await Json(await Http.SendAsync(streamed), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await Journey(ws, "big"));
    }

    [Fact]
    public async Task The_openapi_document_describes_ingestion_and_import()
    {
        var doc = await Json(await Http.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/workspaces/{workspace}/events", out var events));
        Assert.True(events.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-ndjson", out _));
        Assert.True(paths.TryGetProperty("/api/workspaces/{workspace}/imports", out _));
        Assert.True(paths.TryGetProperty("/api/workspaces/{workspace}/snapshot", out _));
    }
}
