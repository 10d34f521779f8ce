using System.Net;
using System.Text.Json;

namespace Growth.Dashboard.Tests;

/// <summary>
/// An imported history's figures by event time, over real HTTP: the Maven sample's snapshot is as of its last event
/// and shows 2017 Q4 with exactly the revenue won in it; its history spans the sample; a "now" before the last event
/// or one that is not a date is refused, and nothing is stored.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportEventTimeTests(DashboardHost host)
{
    async Task<(HttpStatusCode Status, JsonElement Body)> Import(string ws, MultipartFormDataContent upload)
    {
        var response = await host.Http.PostAsync($"/api/workspaces/{ws}/imports", upload);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task The_imported_maven_sample_shows_its_own_last_quarter_with_the_revenue_won_in_it()
    {
        const string ws = "import-event-time";
        var (status, report) = await Import(ws, ImportSample.MavenUpload());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new DateTimeOffset(2017, 12, 31, 0, 0, 0, TimeSpan.Zero), report.GetProperty("now").GetDateTimeOffset());

        var s = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement;
        Assert.Equal(new DateTimeOffset(2017, 12, 31, 0, 0, 0, TimeSpan.Zero), s.GetProperty("asOf").GetDateTimeOffset());
        Assert.True(s.GetProperty("fromHistory").GetBoolean());
        var period = s.GetProperty("period");
        Assert.Equal(new DateTimeOffset(2017, 10, 1, 0, 0, 0, TimeSpan.Zero), period.GetProperty("start").GetDateTimeOffset());
        var wonInQ4 = ImportSample.Deals.Where(d => d.Stage == "Won" && d.Closed >= new DateTime(2017, 10, 1)).Sum(d => d.Value);
        Assert.Equal(wonInQ4, period.GetProperty("revenue").GetDecimal());
        // No target, no payments: no attainment is invented and receivables are unknown rather than 0.
        Assert.Equal(0m, period.GetProperty("target").GetDecimal());
        Assert.True(s.GetProperty("receivablesUnknown").GetBoolean());

        var history = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/history")).RootElement.EnumerateArray().ToArray();
        Assert.Equal(new DateTimeOffset(2016, 10, 20, 0, 0, 0, TimeSpan.Zero), history[0].GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2017, 12, 31, 0, 0, 0, TimeSpan.Zero), history[^1].GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(ImportSample.Deals.Where(d => d.Stage == "Won").Sum(d => d.Value), history[^1].GetProperty("revenue").GetProperty("total").GetDecimal());

        // Imported again: the same now, the same quarter, the same figures.
        var (again, _) = await Import(ws, ImportSample.MavenUpload());
        Assert.Equal(HttpStatusCode.OK, again);
        var s2 = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement;
        Assert.Equal(wonInQ4, s2.GetProperty("period").GetProperty("revenue").GetDecimal());
        Assert.Equal(s.GetProperty("asOf").GetDateTimeOffset(), s2.GetProperty("asOf").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("2017-06-30", "before the history's last event (2017-12-31)")]
    [InlineData("31/12/2017", "is not a date written yyyy-MM-dd")]
    public async Task A_now_that_is_not_on_or_after_the_last_event_is_refused_and_nothing_is_stored(string now, string says)
    {
        var ws = $"import-now-{now.Replace('/', '-')}";
        var upload = ImportSample.MavenUpload();
        upload.Add(new StringContent(now), "now");
        var (status, problem) = await Import(ws, upload);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/api/workspaces/{ws}/snapshot")).StatusCode);
    }
}
