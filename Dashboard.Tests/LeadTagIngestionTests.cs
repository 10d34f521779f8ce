using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Lead tags through the ingestion API (issue 18): a LeadCreated event's tags are kept on the journey and its record row,
/// a retry is a duplicate, a bad tag is refused alone naming it, and the record lists filter by tag (a bad filter refused
/// with a 400 naming it).
/// </summary>
[Collection(DashboardCollection.Name)]
public class LeadTagIngestionTests(DashboardHost host)
{
    const string Ws = "ingest-tags";
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static object Lead(string journey, string? tags, string channel = "Content") => new
    {
        journeyId = journey, id = journey + ":created", kind = "LeadCreated", at = T0.ToString("O"), channel, campaignId = "webinar",
        regionId = "north", teamId = "team-a", repId = "rep-a", tags,
    };

    async Task<JsonElement> Post(params object[] events)
    {
        var response = await host.Http.PostAsJsonAsync($"/api/workspaces/{Ws}/events", events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("results");
    }

    async Task<int> Total(string tag)
    {
        var response = await host.Http.GetAsync($"/api/workspaces/{Ws}/records?kind=Leads&status=Prospect&tag={Uri.EscapeDataString(tag)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task Ingested_tags_are_kept_once_filter_the_record_lists_and_a_bad_tag_is_refused_naming_it()
    {
        var leads = new[] { Lead("t-1", "segment:distributor;tag:key-account"), Lead("t-2", "segment:direct", "Ads"), Lead("t-3", null) };
        Assert.All((await Post(leads)).EnumerateArray(), r => Assert.Equal("accepted", r.GetProperty("result").GetString()));
        Assert.All((await Post(leads)).EnumerateArray(), r => Assert.Equal("duplicate", r.GetProperty("result").GetString()));
        var bad = (await Post(Lead("t-4", "segment:direct;colour:red")))[0];
        Assert.Equal("rejected", bad.GetProperty("result").GetString());
        Assert.Contains("tag 'colour:red'", bad.GetProperty("reason").GetString());

        var state = JsonDocument.Parse(await (await host.Http.GetAsync($"/api/workspaces/{Ws}/journeys/t-1")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("state");
        Assert.Equal("segment:distributor;tag:key-account", state.GetProperty("tags").GetString());
        Assert.Equal((1, 1, 1, 0), (await Total("segment:distributor"), await Total("segment:direct"), await Total("tag:key-account"), await Total("tag:key")));
        Assert.Equal((2, 3), (await Total("source:content"), await Total("campaign:webinar")));

        var refused = await host.Http.GetAsync($"/api/workspaces/{Ws}/records?kind=Leads&tag=colour:red");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("tag 'colour:red'", await refused.Content.ReadAsStringAsync());
    }
}
