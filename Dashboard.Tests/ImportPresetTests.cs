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

    Task<JsonElement> Post(string workspace, MultipartFormDataContent upload, HttpStatusCode expected) =>
        ImportPosts.PostAsync(host.Http, workspace, upload, expected);

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

        // Every origin's leads, won deals and revenue, counted from the two files here, as the snapshot shows them.
        var expected = OriginFigures();
        var shown = snapshot.GetProperty("campaigns").EnumerateArray().Where(c => expected.ContainsKey(c.GetProperty("name").GetString()!))
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => (c.GetProperty("leads").GetInt64(), c.GetProperty("won").GetInt64(), c.GetProperty("revenue").GetDecimal()));
        Assert.Equal(expected.OrderBy(x => x.Key), shown.OrderBy(x => x.Key));
        Assert.Equal(12, snapshot.GetProperty("campaigns").EnumerateArray().Sum(c => c.GetProperty("leads").GetInt64()));

        // Imported again: nothing changes.
        var again = Upload("leads-deals", "closed_deals.csv");
        again.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(SharedDatasets.ImportSamples, "leads.csv"))), "leads", "leads.csv");
        var second = await Post(ws, again, HttpStatusCode.OK);
        Assert.Equal((0, 12), (second.GetProperty("journeysChanged").GetInt32(), second.GetProperty("journeysUnchanged").GetInt32()));
    }

    /// <summary>
    /// Leads, won deals and revenue per named origin, read from leads.csv and closed_deals.csv by this test alone (every
    /// deal is won; its value is declared_monthly_revenue, thousands separated, blank or 0 when unknown).
    /// </summary>
    static Dictionary<string, (long Leads, long Won, decimal Revenue)> OriginFigures()
    {
        static string[] Cells(string line)
        {
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            foreach (var ch in line)
            {
                if (ch == '"') quoted = !quoted;
                else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
                else cell.Append(ch);
            }
            cells.Add(cell.ToString());
            return cells.ToArray();
        }
        var origin = File.ReadAllLines(Path.Combine(SharedDatasets.ImportSamples, "leads.csv")).Skip(1).Select(Cells).ToDictionary(c => c[0], c => c[3]);
        var deals = File.ReadAllLines(Path.Combine(SharedDatasets.ImportSamples, "closed_deals.csv")).Skip(1).Select(Cells)
            .Select(c => (Lead: c[0], Value: c[7].Length == 0 ? 0 : decimal.Parse(c[7].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return origin.Values.Where(o => o.Length > 0 && o != "unknown").Distinct().ToDictionary(o => o, o => (
            (long)origin.Count(l => l.Value == o),
            (long)deals.Count(d => origin[d.Lead] == o),
            deals.Where(d => origin[d.Lead] == o).Sum(d => d.Value)));
    }

    [Fact]
    public async Task Amounts_are_read_in_the_workspace_s_culture()
    {
        const string ws = "preset-culture";
        // An import workspace first (a setup applied to a new workspace makes it a simulation), then its setup says de-DE.
        await Post(ws, Upload("hubspot", "hubspot-deals.csv"), HttpStatusCode.OK);
        await host.Grains.GetGrain<Growth.Grains.Setup.ISetupGrain>(ws).ApplyAsync(new Growth.Domain.Setup.SetupDocument
        {
            Company = new Growth.Domain.Setup.CompanySetup { Name = ws, Currency = new Growth.Domain.Setup.CurrencySetup { Code = "EUR", Symbol = "€", Culture = "de-DE" } },
        }, "test", "a German workspace");
        var csv = "Record ID,Deal Stage,Amount,Close Date,Create Date,Deal owner,Associated Company\n" +
            "1,Closed Won,\"1.054,50 €\",2024-03-15 10:00,2024-01-10 09:30,Ada,Acme\n" +
            "2,Closed Won,\"12.000\",2024-03-15 10:00,2024-01-10 09:30,Ada,Acme\n" +
            "3,Closed Won,\"1,054.50\",2024-03-15 10:00,2024-01-10 09:30,Ada,Acme\n";
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "pipeline", "deals.csv" }, { new StringContent("hubspot"), "preset" } };
        var report = await Post(ws, form, HttpStatusCode.OK);
        // An amount written the other way round is refused, not read as 1.0545.
        Assert.Equal("unreadable close value", report.GetProperty("rejected")[0].GetProperty("reason").GetString());
        var deals = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement.GetProperty("deals");
        Assert.Equal((4L + 2, 26_500.50m + 13_054.50m), (deals.GetProperty("won").GetInt64(), deals.GetProperty("wonValue").GetDecimal()));
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
