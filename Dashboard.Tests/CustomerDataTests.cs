using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Domain.Figures;
using Growth.Grains.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A customer's data on request, over HTTP as an administrator would ask: the export holds everything stored about the
/// customer; after an erasure no name, contact or free text of theirs is left in the export, the journey, the snapshot
/// or a lost-deal practice (the customer page: <see cref="CustomerDataBrowserTests"/>), while the workspace's figures are exactly as before.
/// </summary>
[Collection(DashboardCollection.Name)]
public class CustomerDataTests(DashboardHost host)
{
    const string Ws = "privacy-requests";
    /// <summary>What a CRM sent about the person, in the reasons of their events.</summary>
    internal static readonly string[] Personal = ["Jane Doe", "jane.doe@example.com", "Acme Ltd", "+44 20 7946 0000"];
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static object Event(string journeyId, string id, string kind, double days, decimal amount = 0, string? reason = null, string? step = null,
        string? objection = null) => new
    {
        journeyId, id = $"{journeyId}-{id}", kind, at = (T0 + TimeSpan.FromDays(days)).ToString("O"), amount, reason, step, objection,
        campaignId = "campaign-1", channel = "Ads", regionId = "north", teamId = "team-a", repId = "rep-a",
    };

    /// <summary>A lost deal (c-101), a paying customer (c-102), both with the person in their reasons, and another customer's open deal (c-103).</summary>
    internal static object[] Events(string prefix = "c") =>
    [
        Event($"{prefix}-101", "created", "LeadCreated", 0), Event($"{prefix}-101", "assigned", "LeadAssigned", 0),
        Event($"{prefix}-101", "contacted", "Contacted", 1, reason: "called Jane Doe on +44 20 7946 0000"),
        Event($"{prefix}-101", "qualified", "Qualified", 2), Event($"{prefix}-101", "opened", "OpportunityOpened", 3, 900),
        Event($"{prefix}-101", "opening", "StepPassed", 4, step: "Opening"),
        Event($"{prefix}-101", "objection", "ObjectionRaised", 5, objection: "CompetitorStrength", reason: "Acme Ltd offered a lower price"),
        Event($"{prefix}-102", "created", "LeadCreated", 0), Event($"{prefix}-102", "assigned", "LeadAssigned", 0),
        Event($"{prefix}-102", "contacted", "Contacted", 1), Event($"{prefix}-102", "qualified", "Qualified", 2),
        Event($"{prefix}-102", "opened", "OpportunityOpened", 3, 1200), Event($"{prefix}-102", "won", "Won", 8, 1200),
        Event($"{prefix}-102", "order", "OrderSigned", 8, 1200),
        Event($"{prefix}-102", "due", "PaymentDue", 9, 1200, reason: "invoice to Jane Doe, Acme Ltd accounts"),
        Event($"{prefix}-102", "paid", "PaymentReceived", 12, 700, reason: "card of jane.doe@example.com"),
        Event($"{prefix}-103", "created", "LeadCreated", 0), Event($"{prefix}-103", "assigned", "LeadAssigned", 0),
        Event($"{prefix}-103", "contacted", "Contacted", 1, reason: "spoke to Bob Roe"),
    ];

    /// <summary>The deal c-101 lost, sent apart: a deal closed in a later batch than its opening reaches the win/loss review.</summary>
    internal static object[] Closing(string prefix = "c") =>
        [Event($"{prefix}-101", "lost", "Lost", 6, step: "Rapport", reason: "Jane Doe (jane.doe@example.com) signed with Acme Ltd")];

    /// <summary>Sends <see cref="Events"/> then <see cref="Closing"/> to <paramref name="workspace"/>.</summary>
    internal static async Task IngestAsync(HttpClient http, string workspace, string prefix)
    {
        foreach (var batch in new[] { Events(prefix), Closing(prefix) })
        {
            var ingested = await Json(await http.PostAsJsonAsync($"/api/workspaces/{workspace}/events", batch));
            Assert.Equal(batch.Length, ingested.GetProperty("accepted").GetInt32());
        }
    }

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static void NoPersonalData(string where, string text)
    {
        foreach (var p in Personal) Assert.False(text.Contains(p, StringComparison.OrdinalIgnoreCase), $"{where} still holds '{p}'");
    }

    static string Export(string journey) => $"/api/admin/workspaces/{Ws}/customers/{journey}/export";
    static string Erase(string journey) => $"/api/admin/workspaces/{Ws}/customers/{journey}/erase";

    /// <summary>The figures of the snapshot: funnel, deals, revenue, money, lifecycle, losses, pipeline, per region, team, rep and campaign.</summary>
    static string Figures(WorkspaceSnapshot s) => JsonSerializer.Serialize(new
    {
        s.Funnel, s.Deals, s.Revenue, s.Lifecycle, s.Receivables, s.Collections, s.Regions, s.Teams, s.Reps, s.Campaigns, s.Journeys,
        s.Pipeline, s.Losses, Lost = s.RecentLosses.Select(l => new { l.JourneyId, l.Amount, l.At, l.RepId, l.Step, l.Objection }),
    });

    [Fact]
    public async Task Erasing_a_customer_leaves_no_personal_data_anywhere_and_every_figure_as_it_was()
    {
        await IngestAsync(host.Http, Ws, "c");
        var statistics = host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Ws);
        var before = (await statistics.RefreshAsync())!;
        Assert.Contains(before.RecentLosses, l => l.JourneyId == "c-101" && l.Reason!.Contains("Jane Doe"));

        // The export holds everything: the person's words in the events and the review, and a download name.
        using var exported = await host.Http.GetAsync(Export("c-101"));
        Assert.Equal("attachment", exported.Content.Headers.ContentDisposition?.DispositionType);
        var export = await Json(exported);
        Assert.Equal(1, export.GetProperty("shape").GetInt32());
        Assert.Equal("Lost", export.GetProperty("state").GetProperty("status").GetString());
        Assert.Equal(8, export.GetProperty("recentEvents").GetArrayLength());
        var text = export.GetRawText();
        Assert.All(Personal[..3], p => Assert.Contains(p, text));
        Assert.Contains("Jane Doe", export.GetProperty("recentLosses")[0].GetProperty("reason").GetString());

        var erased = await Json(await host.Http.PostAsync(Erase("c-101"), null));
        Assert.False(erased.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal((1, 3, 1), (erased.GetProperty("stateFields").GetInt32(), erased.GetProperty("eventReasons").GetInt32(), erased.GetProperty("reviewEntries").GetInt32()));
        var label = erased.GetProperty("label").GetString()!;
        Assert.Matches("^Erased customer [0-9a-f]{4}$", label);
        Assert.Equal(2, (await Json(await host.Http.PostAsync(Erase("c-102"), null))).GetProperty("eventReasons").GetInt32());

        // Nowhere: the exports (ledger entries kept with their amounts), the journeys, the snapshot, the customer page, a lost-deal practice.
        var after = (await statistics.RefreshAsync())!;
        Assert.Equal(Figures(before), Figures(after));
        NoPersonalData("the snapshot", JsonSerializer.Serialize(after));
        foreach (var journey in new[] { "c-101", "c-102" })
        {
            var again = await Json(await host.Http.GetAsync(Export(journey)));
            NoPersonalData($"the export of {journey}", again.GetRawText());
            Assert.StartsWith(Growth.Domain.Privacy.CustomerErasure.LabelPrefix, again.GetProperty("erased").GetProperty("label").GetString());
            NoPersonalData($"the journey {journey}", await host.Http.GetStringAsync($"/api/workspaces/{Ws}/journeys/{journey}"));
        }
        var paying = await Json(await host.Http.GetAsync(Export("c-102")));
        Assert.Equal(9, paying.GetProperty("state").GetProperty("eventCount").GetInt32());
        Assert.Equal(1200m, paying.GetProperty("state").GetProperty("orderValue").GetDecimal());
        Assert.Equal(700m, paying.GetProperty("state").GetProperty("collected").GetDecimal());
        var practice = await host.Http.PostAsJsonAsync("/api/workspaces/training/training/lost-deals", new { workspace = Ws, journeyId = "c-101" });
        NoPersonalData("the lost deal's practice", (await Json(practice)).GetRawText());
        // Another customer's words are theirs: untouched.
        Assert.Contains("Bob Roe", (await Json(await host.Http.GetAsync(Export("c-103")))).GetRawText());

        // An erased customer stays erased: a later event's free text is not kept.
        await Json(await host.Http.PostAsJsonAsync($"/api/workspaces/{Ws}/events", new[] { Event("c-102", "paid-2", "PaymentReceived", 20, 500, reason: "Jane Doe paid the rest") }));
        NoPersonalData("the export after a later event", (await Json(await host.Http.GetAsync(Export("c-102")))).GetRawText());
        // The record lists' rows say erased and show no name or company, also after that later event replaced c-102's row.
        foreach (var journey in new[] { "c-101", "c-102" })
        {
            var row = (await Json(await host.Http.GetAsync($"/api/workspaces/{Ws}/records?kind=deals&q={journey}"))).GetProperty("rows")[0];
            Assert.Equal((journey, true, "", ""), (row.GetProperty("journeyId").GetString(), row.GetProperty("erased").GetBoolean(),
                row.GetProperty("name").GetString(), row.GetProperty("company").GetString()));
        }
        Assert.False((await Json(await host.Http.GetAsync($"/api/workspaces/{Ws}/records?kind=leads&q=c-103"))).GetProperty("rows")[0].GetProperty("erased").GetBoolean());

        // The audit (the Admin page's list) names who erased which journey of which workspace; the page: CustomerDataBrowserTests.
        var audit = await host.App.Services.GetRequiredService<Growth.Dashboard.Application.Privacy.CustomerDataService>().AuditAsync();
        var erasure = Assert.Single(audit, r => r.Workspace == Ws && r.JourneyId == "c-101" && r.Kind == Growth.Domain.Privacy.CustomerRequestKind.Erase);
        Assert.Equal((host.Admin!.UserName, 4), (erasure.By, erasure.Erased));
    }

    [Fact]
    public async Task Erasing_twice_changes_nothing_the_second_time()
    {
        const string ws = "privacy-twice";
        await IngestAsync(host.Http, ws, "t");
        var erase = $"/api/admin/workspaces/{ws}/customers/t-101/erase";
        var first = await Json(await host.Http.PostAsync(erase, null));
        var journey = await host.Http.GetStringAsync($"/api/workspaces/{ws}/journeys/t-101");
        var snapshot = Figures((await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync())!);

        var second = await Json(await host.Http.PostAsync(erase, null));

        Assert.True(second.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal(0, second.GetProperty("stateFields").GetInt32() + second.GetProperty("eventReasons").GetInt32() + second.GetProperty("reviewEntries").GetInt32());
        Assert.Equal(first.GetProperty("erasedAt").GetString(), second.GetProperty("erasedAt").GetString());
        Assert.Equal(first.GetProperty("label").GetString(), second.GetProperty("label").GetString());
        Assert.Equal(journey, await host.Http.GetStringAsync($"/api/workspaces/{ws}/journeys/t-101"));
        Assert.Equal(snapshot, Figures((await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync())!));
        // One erasure in the audit, whatever the retries.
        var requests = (await Json(await host.Http.GetAsync($"/api/admin/workspaces/{ws}/customers/t-101/export"))).GetProperty("requests");
        Assert.Equal(1, requests.EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "Erase"));
    }

    [Fact]
    public async Task An_unknown_journey_is_a_404_naming_it_and_someone_not_an_administrator_is_refused()
    {
        await IngestAsync(host.Http, $"{Ws}-refusals", "r");
        var unknown = await Json(await host.Http.PostAsync($"/api/admin/workspaces/{Ws}-refusals/customers/nobody-here/erase", null), HttpStatusCode.NotFound);
        Assert.Contains("nobody-here", unknown.GetProperty("detail").GetString());
        Assert.Contains("nobody-here", (await Json(await host.Http.GetAsync($"/api/admin/workspaces/{Ws}-refusals/customers/nobody-here/export"), HttpStatusCode.NotFound))
            .GetProperty("detail").GetString());

        var leader = await host.SignInAsAsync($"{Ws}-refusals:Leadership");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.PostAsync($"/api/admin/workspaces/{Ws}-refusals/customers/r-101/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.GetAsync($"/api/admin/workspaces/{Ws}-refusals/customers/r-101/export")).StatusCode);
        // Nothing was erased by the refused requests.
        Assert.Contains("Jane Doe", await host.Http.GetStringAsync($"/api/workspaces/{Ws}-refusals/journeys/r-101"));
    }
}
