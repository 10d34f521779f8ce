using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The event files over real HTTP: the HubSpot sample with its payments, orders and activities files (docs/import-samples)
/// imports with receivables, collected money, repeat revenue and first-contact hours as the files say; every refused
/// row is in the report naming its file; importing the same files again changes nothing; a payments file of which no
/// row joins refuses the import whole, storing nothing.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportEventFilesTests(DashboardHost host)
{
    static MultipartFormDataContent Upload(params string[] events)
    {
        var form = new MultipartFormDataContent();
        void Add(string field, string file)
        {
            var bytes = new ByteArrayContent(File.ReadAllBytes(Path.Combine(SharedDatasets.ImportSamples, file)));
            bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(bytes, field, file);
        }
        Add("pipeline", "hubspot-deals.csv");
        foreach (var kind in events) Add(kind, kind + ".csv");
        form.Add(new StringContent("hubspot"), "preset");
        return form;
    }

    Task<JsonElement> Post(string workspace, MultipartFormDataContent upload, HttpStatusCode expected) =>
        ImportPosts.PostAsync(host.Http, workspace, upload, expected);

    [Fact]
    public async Task Payments_orders_and_activities_import_with_their_figures_and_again_change_nothing()
    {
        const string ws = "import-event-files";
        var report = await Post(ws, Upload("payments", "orders", "activities"), HttpStatusCode.OK);
        Assert.Equal((9, 9), (report.GetProperty("rowsRead").GetInt32(), report.GetProperty("imported").GetInt32()));
        var files = report.GetProperty("eventFiles").EnumerateArray().ToDictionary(f => f.GetProperty("kind").GetString()!,
            f => (f.GetProperty("file").GetString(), f.GetProperty("rowsRead").GetInt32(), f.GetProperty("imported").GetInt32()));
        Assert.Equal(("payments.csv", 10, 5), files["payments"]);
        Assert.Equal(("orders.csv", 8, 3), files["orders"]);
        Assert.Equal(("activities.csv", 11, 7), files["activities"]);
        // Every refused row of the three files is in the report's rejected rows, naming its file: 5 + 5 + 4.
        var rejected = report.GetProperty("rejected").EnumerateArray().Select(i => (i.GetProperty("file").GetString(), i.GetProperty("row").GetInt32(), i.GetProperty("reason").GetString())).ToList();
        Assert.Equal(14, rejected.Count);
        Assert.Contains(("payments.csv", 8, "key matches no imported deal"), rejected);
        Assert.Contains(("orders.csv", 9, "amount not positive"), rejected);
        Assert.Contains(("activities.csv", 7, "dated before its deal allows"), rejected);

        var snapshot = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement;
        var receivables = snapshot.GetProperty("receivables");
        Assert.Equal((18_500.50m, 14_500.50m, 9_000m), (receivables.GetProperty("collected").GetDecimal(), receivables.GetProperty("outstanding").GetDecimal(),
            receivables.GetProperty("overdue").GetDecimal()));
        Assert.False(snapshot.GetProperty("receivablesUnknown").GetBoolean());
        Assert.Equal(33_001.00m, snapshot.GetProperty("revenue").GetProperty("total").GetDecimal());
        Assert.Equal(3, snapshot.GetProperty("revenue").GetProperty("repurchases").GetInt64());
        Assert.Equal(20_501.00m, snapshot.GetProperty("period").GetProperty("revenue").GetDecimal());
        Assert.Equal(8.0, snapshot.GetProperty("averageHoursToFirstContact").GetDouble(), 9);

        var again = await Post(ws, Upload("payments", "orders", "activities"), HttpStatusCode.OK);
        Assert.Equal((0, 9), (again.GetProperty("journeysChanged").GetInt32(), again.GetProperty("journeysUnchanged").GetInt32()));
        Assert.Equal(0, again.GetProperty("eventsAccepted").GetInt32());
        var after = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement;
        Assert.Equal(18_500.50m, after.GetProperty("receivables").GetProperty("collected").GetDecimal());
    }

    [Fact]
    public async Task A_payments_file_of_which_no_row_joins_refuses_the_import_naming_the_file()
    {
        const string ws = "import-event-files-refused";
        var form = Upload();
        form.Add(new StringContent("deal_id,paid_date,amount\nx1,2024-03-30,100\n"), "payments", "payments.csv");
        var refused = await Post(ws, form, HttpStatusCode.BadRequest);
        Assert.Equal("payments.csv", refused.GetProperty("file").GetString());
        Assert.StartsWith("payments.csv: none of its 1 rows could be imported", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/api/workspaces/{ws}/snapshot")).StatusCode);
    }
}
