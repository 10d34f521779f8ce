using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The CRM presets over real HTTP: each preset's sample (docs/import-samples), uploaded alone with its preset's name,
/// imports with the figures the file says, and again changes nothing; the Maven preset still needs its three files.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportPresetTests(DashboardHost host)
{
    static MultipartFormDataContent Upload(string preset, string file)
    {
        var form = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(File.ReadAllBytes(Path.Combine(SharedDatasets.ImportSamples, file)));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(bytes, "pipeline", file);
        form.Add(new StringContent(preset), "preset");
        return form;
    }

    async Task<JsonElement> Post(string workspace, MultipartFormDataContent upload, HttpStatusCode expected)
    {
        var response = await host.Http.PostAsync($"/api/workspaces/{workspace}/imports", upload);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory]
    [InlineData("hubspot", "hubspot-deals.csv", 9, 4, 2, 3, "26500.50", 3)]
    [InlineData("salesforce", "salesforce-opportunities.csv", 8, 4, 2, 2, "351250.50", 3)]
    [InlineData("pipedrive", "pipedrive-deals.csv", 7, 3, 2, 2, "5750", 2)]
    public async Task A_preset_s_sample_imports_with_the_figures_the_file_says(string preset, string file, int rows, long won, long lost, long open, string value, int reps)
    {
        var ws = $"preset-{preset}";
        var report = await Post(ws, Upload(preset, file), HttpStatusCode.OK);
        Assert.Equal((rows, rows, 0), (report.GetProperty("rowsRead").GetInt32(), report.GetProperty("imported").GetInt32(), report.GetProperty("rejected").GetArrayLength()));
        Assert.Equal((1, 1, reps, 0), (report.GetProperty("regions").GetInt32(), report.GetProperty("teams").GetInt32(),
            report.GetProperty("reps").GetInt32(), report.GetProperty("products").GetInt32()));

        var snapshot = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement;
        var deals = snapshot.GetProperty("deals");
        Assert.Equal((won, lost, open), (deals.GetProperty("won").GetInt64(), deals.GetProperty("lost").GetInt64(), deals.GetProperty("open").GetInt64()));
        Assert.Equal((double)won / (won + lost), deals.GetProperty("winRate").GetDouble(), 12);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), deals.GetProperty("wonValue").GetDecimal());

        var again = await Post(ws, Upload(preset, file), HttpStatusCode.OK);
        Assert.Equal((0, rows), (again.GetProperty("journeysChanged").GetInt32(), again.GetProperty("journeysUnchanged").GetInt32()));
    }

    [Fact]
    public async Task A_leads_and_won_deals_export_imports_with_lead_to_deal_conversion_per_origin()
    {
        const string ws = "preset-leads-deals";
        var form = Upload("leads-deals", "closed_deals.csv");
        var leads = new ByteArrayContent(File.ReadAllBytes(Path.Combine(SharedDatasets.ImportSamples, "leads.csv")));
        form.Add(leads, "leads", "leads.csv");
        var report = await Post(ws, form, HttpStatusCode.OK);
        Assert.Equal((6, 12, 6), (report.GetProperty("imported").GetInt32(), report.GetProperty("leadsRead").GetInt32(), report.GetProperty("leadsWithoutDeal").GetInt32()));
        Assert.Equal(12, report.GetProperty("journeysChanged").GetInt32());

        var snapshot = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement;
        var deals = snapshot.GetProperty("deals");
        Assert.Equal((6L, 0L, 145_500m, 2L), (deals.GetProperty("won").GetInt64(), deals.GetProperty("lost").GetInt64(),
            deals.GetProperty("wonValue").GetDecimal(), deals.GetProperty("wonValueUnknown").GetInt64()));
        var paid = snapshot.GetProperty("campaigns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "paid_search");
        Assert.Equal((4L, 3L, "Ads"), (paid.GetProperty("leads").GetInt64(), paid.GetProperty("won").GetInt64(), paid.GetProperty("channel").ToString()));
    }

    [Fact]
    public async Task An_unknown_preset_is_refused_naming_the_presets()
    {
        var problem = await Post("preset-unknown", Upload("zoho", "hubspot-deals.csv"), HttpStatusCode.BadRequest);
        Assert.Contains("hubspot, salesforce, pipedrive, leads-deals", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_maven_preset_still_needs_its_teams_and_products_files()
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("opportunity_id\n")), "pipeline", "p.csv" } };
        var problem = await Post("preset-maven-missing", form, HttpStatusCode.BadRequest);
        Assert.Contains("teams, products", problem.GetProperty("detail").GetString());
    }
}
