using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Bad events over real HTTP: dates outside the plausible window are refused naming the field and the window, an id
/// reused with different content is a conflict (not a duplicate), and an unknown enum value lists the allowed names.
/// </summary>
[Collection(DashboardCollection.Name)]
public class IngestionRefusalTests(DashboardHost host)
{
    HttpClient Http => host.Http;

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    Task<HttpResponseMessage> Post(string workspace, object events) => Http.PostAsJsonAsync($"/api/workspaces/{workspace}/events", events);

    static object Event(string journeyId, string id, string kind, string at, decimal amount = 0) => new { journeyId, id, kind, at, amount };

    static string[] Field(JsonElement response, string name) =>
        response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty(name).GetString() ?? "").ToArray();

    [Fact]
    public async Task Dates_outside_the_plausible_window_are_refused_with_the_window()
    {
        const string ws = "ingest-dates";
        var later = DateTimeOffset.UtcNow.AddDays(3).ToString("O");
        var response = await Json(await Post(ws, new[]
        {
            Event("d1", "d1-created", "LeadCreated", "0001-01-01T00:00:00Z"),
            Event("d2", "d2-created", "LeadCreated", "9999-12-31T00:00:00Z"),
            Event("d3", "d3-created", "LeadCreated", later),
            Event("d4", "d4-created", "LeadCreated", "2017-10-20T00:00:00Z"),
        }), HttpStatusCode.OK);
        Assert.Equal(["rejected", "rejected", "rejected", "accepted"], Field(response, "result"));
        var reasons = Field(response, "reason");
        Assert.StartsWith("at 0001-01-01T00:00:00.0000000+00:00 is outside the plausible window 1990-01-01 to ", reasons[0]);
        Assert.Contains("(now plus 1 day)", reasons[2]);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/workspaces/{ws}/journeys/d1")).StatusCode);
    }

    [Fact]
    public async Task An_id_reused_with_other_content_is_a_conflict_and_changes_nothing()
    {
        const string ws = "ingest-conflict";
        var created = Event("c1", "c1-created", "LeadCreated", "2026-03-02T09:00:00Z");
        var opened = Event("c1", "c1-qualified", "Qualified", "2026-03-02T10:00:00Z");
        await Json(await Post(ws, new[] { created, opened }), HttpStatusCode.OK);
        var before = await (await Http.GetAsync($"/api/workspaces/{ws}/journeys/c1")).Content.ReadAsStringAsync();

        var again = await Json(await Post(ws, new[] { created, Event("c1", "c1-qualified", "Qualified", "2026-03-02T11:00:00Z") }), HttpStatusCode.OK);
        Assert.Equal(["duplicate", "conflict"], Field(again, "result"));
        Assert.Equal((1, 1, 0), (again.GetProperty("duplicates").GetInt32(), again.GetProperty("conflicts").GetInt32(), again.GetProperty("rejected").GetInt32()));
        Assert.Contains("at 2026-03-02T10:00:00.0000000+00:00, now 2026-03-02T11:00:00.0000000+00:00", Field(again, "reason")[1]);
        Assert.Equal(before, await (await Http.GetAsync($"/api/workspaces/{ws}/journeys/c1")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_enum_value_lists_the_allowed_names()
    {
        var body = "[{\"journeyId\":\"e\",\"id\":\"e1\",\"kind\":\"LeadCreated\",\"at\":\"2026-03-02T09:00:00Z\",\"channel\":\"Telepathy\"}]";
        var problem = await Json(await Http.PostAsync("/api/workspaces/ingest-enum/events", new StringContent(body, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("event 0: channel must be one of ", detail);
        Assert.DoesNotContain("System.", detail);
        var kind = await Json(await Http.PostAsync("/api/workspaces/ingest-enum/events",
            new StringContent(body.Replace("LeadCreated", "Teleported"), Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.StartsWith("event 0: kind must be one of LeadCreated, CustomerOnboarded,", kind.GetProperty("detail").GetString());
    }
}
