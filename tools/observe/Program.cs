// Sends one ingestion request to a running Growth (with a W3C traceparent, as an instrumented CRM would), then takes
// Playwright screenshots (Debian's Chromium) of that request's trace in the Aspire dashboard and of Prometheus' graph
// of the Grafana dashboard's own queries. Arguments: web-url aspire-url prometheus-url admin-password out-dir.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

var (web, aspire, prometheus, password, outDir) = (args[0], args[1].TrimEnd('/'), args[2].TrimEnd('/'), args[3], args[4]);
const string Workspace = "crm-north";

using var http = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = new Uri(web) };
(await http.PostAsJsonAsync("/api/session", new { userName = "admin", password })).EnsureSuccessStatusCode();
using var created = await http.PostAsJsonAsync("/api/admin/keys", new { workspace = Workspace, label = "trace screenshot" });
var createdBody = await created.Content.ReadAsStringAsync();
if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"creating a key refused: {createdBody}");
var key = JsonDocument.Parse(createdBody).RootElement.GetProperty("key").GetString()!;

var trace = ActivityTraceId.CreateRandom();
var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
object Event(string id, string kind, double hours, decimal amount = 0) =>
    new { journeyId = "acme-order-1", id, kind, at = t0.AddHours(hours).ToString("O"), amount, regionId = "north", teamId = "team-a", repId = "rep-a" };
using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{Workspace}/events")
{
    Content = JsonContent.Create(new[]
    {
        Event("e-1", "LeadCreated", 0), Event("e-2", "Qualified", 1), Event("e-3", "OpportunityOpened", 2, 1000),
        Event("e-4", "Won", 50, 1200), Event("e-5", "OrderSigned", 51, 1200),
    }),
};
request.Headers.Authorization = new("Bearer", key);
request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
using var ingested = await new HttpClient { BaseAddress = new Uri(web) }.SendAsync(request);
Console.WriteLine($"POST /api/workspaces/{Workspace}/events: {(int)ingested.StatusCode} {await ingested.Content.ReadAsStringAsync()}");
ingested.EnsureSuccessStatusCode();
Console.WriteLine($"trace {trace}");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] });
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });

// The trace detail page, once both hosts have exported their spans (the ledger write is the deepest one).
var shown = false;
for (var attempt = 0; attempt < 40 && !shown; attempt++)
{
    await page.GotoAsync($"{aspire}/traces/detail/{trace}");
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    var text = await page.InnerTextAsync("body");
    shown = text.Contains("growth.ledger.append") && text.Contains("growth-silo") && text.Contains("growth-dashboard");
    if (!shown) await Task.Delay(TimeSpan.FromSeconds(3));
}
if (!shown) throw new InvalidOperationException($"trace {trace} did not show spans of both hosts in the Aspire dashboard");
await page.WaitForTimeoutAsync(2000);
var traceFile = Path.Combine(outDir, "trace-ingestion.png");
await page.ScreenshotAsync(new() { Path = traceFile, FullPage = true });
Console.WriteLine($"wrote {traceFile}");

// Prometheus' own graph of the Grafana dashboard's queries (Grafana itself is not installable here).
var queries = new List<string>();
using (var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "growth.json"))))
    foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        foreach (var target in panel.GetProperty("targets").EnumerateArray())
            queries.Add(target.GetProperty("expr").GetString()!);
var query = string.Join("&", queries.Select((q, i) => $"g{i}.expr={Uri.EscapeDataString(q)}&g{i}.tab=0&g{i}.range_input=15m"));
await page.SetViewportSizeAsync(1400, 900);
await page.GotoAsync($"{prometheus}/graph?{query}");
await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
// Prometheus' navigation bar is fixed: in a full-page screenshot it would lie across a graph.
await page.AddStyleTagAsync(new() { Content = "nav.navbar { position: static !important; }" });
await page.WaitForTimeoutAsync(3000);
var graphFile = Path.Combine(outDir, "prometheus-growth.png");
await page.ScreenshotAsync(new() { Path = graphFile, FullPage = true });
Console.WriteLine($"wrote {graphFile}");
