using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Growth.LeadFeed;

// Posts realistic lead flow to a running Growth host so the dashboard shows live ingestion:
//   dotnet run --project LeadFeed -- [--url http://localhost:5080] [--workspace live] [--days-per-second 0.5]
//                                    [--budget 1] [--seed 7] [--seconds 0 (until Ctrl+C)] [--key gk_...]
// The ingestion API needs the workspace's ingestion key (an administrator creates it): --key, or the environment
// variable GROWTH_INGESTION_KEY (better: arguments show in process lists).
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var url = Arg("--url", "http://localhost:5080");
var workspace = Arg("--workspace", "live");
if (!double.TryParse(Arg("--days-per-second", "0.5"), System.Globalization.CultureInfo.InvariantCulture, out var speed) || speed <= 0 || speed > 30)
{
    Console.Error.WriteLine("--days-per-second must be a number above 0 and at most 30");
    return 2;
}
var budget = double.Parse(Arg("--budget", "1"), System.Globalization.CultureInfo.InvariantCulture);
var seed = ulong.Parse(Arg("--seed", "7"));
var seconds = int.Parse(Arg("--seconds", "0"));
var key = Arg("--key", Environment.GetEnvironmentVariable("GROWTH_INGESTION_KEY") ?? "");
if (key.Length == 0)
{
    Console.Error.WriteLine("an ingestion key is needed: --key gk_... or GROWTH_INGESTION_KEY (an administrator creates one for the workspace)");
    return 2;
}

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
json.Converters.Add(new JsonStringEnumConverter());
using var http = new HttpClient { BaseAddress = new Uri(url) };
http.DefaultRequestHeaders.Add("X-Api-Key", key);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var flow = new LeadFlow(seed, DateTimeOffset.UtcNow.Date.AddDays(-1), budget);
Console.WriteLine($"Posting lead flow to {url}/api/workspaces/{workspace}/events at {speed} simulated days per second; Ctrl+C stops.");
using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
try
{
    for (var elapsed = 0; (seconds == 0 || elapsed < seconds) && await tick.WaitForNextTickAsync(stop.Token); elapsed++)
    {
        var events = flow.Next(TimeSpan.FromDays(speed));
        foreach (var batch in events.Chunk(10_000))
        {
            using var response = await http.PostAsJsonAsync($"/api/workspaces/{workspace}/events", batch, json, stop.Token);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(json, stop.Token);
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                Console.Error.WriteLine($"{(int)response.StatusCode}: the key is not valid for workspace {workspace}: {body}");
                return 1;
            }
            Console.WriteLine(response.IsSuccessStatusCode
                ? $"{flow.Now:yyyy-MM-dd HH:mm}  {batch.Length,5} events: {body.GetProperty("accepted")} accepted, {body.GetProperty("duplicates")} duplicates, {body.GetProperty("rejected")} rejected; {flow.Open} journeys open"
                : $"{(int)response.StatusCode}: {body}");
        }
    }
}
catch (OperationCanceledException) { }
return 0;
