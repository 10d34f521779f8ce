using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using Growth.Domain.Workspaces;
using Growth.Grains.Figures;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The CSV import over real HTTP: the Maven sample imports completely, the workspace's snapshot shows exactly the
/// figures the CSV says (overall, per regional office, per manager), re-importing changes nothing, and bad files
/// are refused with a clear error without touching what is stored.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportTests(DashboardHost host)
{
    HttpClient Http => host.Http;
    const double Tolerance = 1e-9;

    const string Teams = "sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\nViolet Mclelland,Cara Losch,East\n";
    const string Products = "product,series,sales_price\nGTX Basic,GTX,550\nGTX Pro,GTX,4821\n";
    const string PipelineHeader = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return JsonDocument.Parse(body).RootElement;
    }

    Task<HttpResponseMessage> Import(string workspace, MultipartFormDataContent upload) =>
        Http.PostAsync($"/api/workspaces/{workspace}/imports", upload);

    async Task<JsonElement> Snapshot(string workspace) => await Json(await Http.GetAsync($"/api/workspaces/{workspace}/snapshot"), HttpStatusCode.OK);

    /// <summary>The snapshot's figures without what changes on every read (version, time).</summary>
    async Task<string> Figures(string workspace)
    {
        var node = JsonNode.Parse((await Snapshot(workspace)).GetRawText())!.AsObject();
        foreach (var volatileField in new[] { "version", "asOf", "historyVersion", "period", "insight" }) node.Remove(volatileField);
        return node.ToJsonString();
    }

    static void AssertFigures(string what, ImportSample.Figures expected, JsonElement row)
    {
        Assert.True(expected.Won == row.GetProperty("won").GetInt64(), $"{what}: won {row.GetProperty("won")}, expected {expected.Won}");
        Assert.True(expected.Lost == row.GetProperty("lost").GetInt64(), $"{what}: lost {row.GetProperty("lost")}, expected {expected.Lost}");
        Assert.True(Math.Abs(expected.WinRate - row.GetProperty("winRate").GetDouble()) < Tolerance, $"{what}: win rate {row.GetProperty("winRate")}, expected {expected.WinRate}");
        Assert.True(expected.WonValue == row.GetProperty("wonValue").GetDecimal(), $"{what}: won value {row.GetProperty("wonValue")}, expected {expected.WonValue}");
        Assert.True(expected.AverageWonValue == row.GetProperty("averageWonValue").GetDecimal(), $"{what}: average won value {row.GetProperty("averageWonValue")}, expected {expected.AverageWonValue}");
        Assert.True(Math.Abs(expected.AverageDaysToClose - row.GetProperty("averageDaysToClose").GetDouble()) < Tolerance,
            $"{what}: days engage to close {row.GetProperty("averageDaysToClose")}, expected {expected.AverageDaysToClose}");
    }

    [Fact]
    public async Task The_maven_sample_imports_and_the_snapshot_shows_exactly_what_the_csv_says_and_reimporting_changes_nothing()
    {
        const string ws = "import-maven";
        var report = await Json(await Import(ws, ImportSample.MavenUpload()), HttpStatusCode.OK);
        var deals = ImportSample.Deals;
        Assert.Equal(8800, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(8800, report.GetProperty("imported").GetInt32());
        Assert.Equal(0, report.GetProperty("rejected").GetArrayLength());
        Assert.Equal(8800, report.GetProperty("journeysChanged").GetInt32());
        Assert.Equal(0, report.GetProperty("eventsRejected").GetInt32());
        var fixes = report.GetProperty("fixedUpByReason");
        Assert.Equal(1425, fixes.GetProperty("no account").GetInt32());
        // 1,480 GTXPro rows, prospects included: every row opens an opportunity at its product's list price.
        Assert.Equal(1480, fixes.GetProperty("product matched ignoring spaces and case").GetInt32());
        Assert.Equal(500, fixes.GetProperty("prospect without a date: dated at the latest date in the file").GetInt32());
        Assert.Equal((3, 6, 35, 7), (report.GetProperty("regions").GetInt32(), report.GetProperty("teams").GetInt32(),
            report.GetProperty("reps").GetInt32(), report.GetProperty("products").GetInt32()));

        var snapshot = await Snapshot(ws);
        Assert.Equal(deals.Count, snapshot.GetProperty("journeys").GetInt32());
        AssertFigures("overall", ImportSample.Figures.Of(deals), snapshot.GetProperty("deals"));
        // Every row not closed is open (1,589 Engaging + 500 Prospecting); losses without a step are at an unknown
        // step, not at Opening; the export has no contact times, so the first-contact time is unknown (null), not 0.
        Assert.Equal(2089, snapshot.GetProperty("deals").GetProperty("open").GetInt64());
        Assert.Equal(2473, snapshot.GetProperty("losses").GetProperty("stepUnknown").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, snapshot.GetProperty("averageHoursToFirstContact").ValueKind);

        var officeOf = ImportSample.Agents.ToDictionary(a => a.Name, a => a.Office);
        var regions = snapshot.GetProperty("regions").EnumerateArray().ToArray();
        var byOffice = deals.GroupBy(d => officeOf[d.Agent]).ToArray();
        Assert.Equal(byOffice.Select(g => g.Key).Order(), regions.Select(r => r.GetProperty("name").GetString()).Order());
        foreach (var office in byOffice)
            AssertFigures(office.Key, ImportSample.Figures.Of(office.ToArray()), regions.Single(r => r.GetProperty("name").GetString() == office.Key));

        var managerOf = ImportSample.Agents.ToDictionary(a => a.Name, a => a.Manager);
        var teams = snapshot.GetProperty("teams").EnumerateArray().ToArray();
        var byManager = deals.GroupBy(d => managerOf[d.Agent]).ToArray();
        Assert.Equal(byManager.Select(g => g.Key).Order(), teams.Select(t => t.GetProperty("name").GetString()).Order());
        foreach (var manager in byManager)
            AssertFigures(manager.Key, ImportSample.Figures.Of(manager.ToArray()), teams.Single(t => t.GetProperty("name").GetString() == manager.Key));

        // The same files again: every event is a duplicate, and no figure moves.
        var before = await Figures(ws);
        var again = await Json(await Import(ws, ImportSample.MavenUpload()), HttpStatusCode.OK);
        Assert.Equal((0, 8800, 0), (again.GetProperty("journeysChanged").GetInt32(), again.GetProperty("journeysUnchanged").GetInt32(),
            again.GetProperty("eventsAccepted").GetInt32()));
        Assert.Equal(report.GetProperty("eventsAccepted").GetInt32(), again.GetProperty("eventsDuplicate").GetInt32());
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        Assert.Equal(before, await Figures(ws));
        Assert.Contains(new WorkspaceEntry(ws, WorkspaceKind.Import), await host.Grains.GetGrain<IWorkspaceDirectoryGrain>(0).ListAsync());
    }

    async Task<string> SmallImportAsync(string ws)
    {
        var pipeline = $"{PipelineHeader}\nA1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,4000\nA2,Violet Mclelland,GTX Basic,,Lost,3/2/2017,3/20/2017,0\n";
        var report = await Json(await Import(ws, ImportSample.Upload(pipeline, Teams, Products)), HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        return await Figures(ws);
    }

    [Fact]
    public async Task A_file_with_a_wrong_header_is_refused_naming_the_column_and_nothing_stored_changes()
    {
        const string ws = "import-bad-header";
        var before = await SmallImportAsync(ws);

        var wrong = "deal_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\nB1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,9000\n";
        var problem = await Json(await Import(ws, ImportSample.Upload(wrong, Teams, Products)), HttpStatusCode.BadRequest);
        Assert.Contains("opportunity_id", problem.GetProperty("detail").GetString());
        Assert.Equal(["opportunity_id"], problem.GetProperty("missingColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("sales_pipeline.csv", problem.GetProperty("file").GetString());

        var wrongTeams = await Json(await Import(ws, ImportSample.Upload(wrong.Replace("deal_id", "opportunity_id"), "agent,boss,office\n", Products)), HttpStatusCode.BadRequest);
        Assert.Contains("sales_agent", wrongTeams.GetProperty("detail").GetString());

        var missingFile = new MultipartFormDataContent { { new StringContent(PipelineHeader), "pipeline", "p.csv" } };
        Assert.Contains("teams, products", (await Json(await Import(ws, missingFile), HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Contains("closeValue", (await Json(await Import(ws, ImportSample.Upload(PipelineHeader, Teams, Products, ("price", "x"))), HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Http.PostAsync($"/api/workspaces/{ws}/imports", new StringContent("not a form"))).StatusCode);
        await Json(await Import("Bad_Name", ImportSample.Upload(PipelineHeader, Teams, Products)), HttpStatusCode.BadRequest);

        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        Assert.Equal(before, await Figures(ws));
    }

    [Fact]
    public async Task Mixed_date_formats_import_where_unambiguous_and_unreadable_dates_are_rejected_with_the_value()
    {
        const string ws = "import-dates";
        var before = await SmallImportAsync(ws);
        var pipeline = string.Join('\n',
            PipelineHeader,
            "D1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,4000",
            "D2,Anna Snelling,GTX Pro,Acme,Won,2017-03-01,2017-03-15,4000",
            "D3,Anna Snelling,GTX Pro,Acme,Won,1.3.2017,15.03.2017,4000",
            "D4,Anna Snelling,GTX Pro,Acme,Won,13/1/2017,3/15/2017,4000",
            "D5,Anna Snelling,GTX Pro,Acme,Lost,3/1/2017,March 3rd,0",
            "D6,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,-50");
        var report = await Json(await Import(ws, ImportSample.Upload(pipeline, Teams, Products)), HttpStatusCode.OK);
        Assert.Equal((6, 3), (report.GetProperty("rowsRead").GetInt32(), report.GetProperty("imported").GetInt32()));
        var rejected = report.GetProperty("rejected").EnumerateArray().ToArray();
        Assert.Equal(["D4", "D5", "D6"], rejected.Select(r => r.GetProperty("opportunityId").GetString()));
        Assert.Equal(["unreadable date", "unreadable date", "negative close value"], rejected.Select(r => r.GetProperty("reason").GetString()));
        Assert.Contains("engage_date '13/1/2017'", rejected[0].GetProperty("detail").GetString());
        Assert.Contains("close_date 'March 3rd'", rejected[1].GetProperty("detail").GetString());

        // The earlier import is still there, unchanged; the three readable rows were added, all on the same dates.
        foreach (var id in new[] { "A1", "A2" })
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"/api/workspaces/{ws}/journeys/{id}")).StatusCode);
        var snapshot = await Snapshot(ws);
        Assert.Equal(4, snapshot.GetProperty("deals").GetProperty("won").GetInt32());
        Assert.Equal(14, snapshot.GetProperty("deals").GetProperty("averageDaysToClose").GetDouble(), 9);
        Assert.NotEqual(before, await Figures(ws));
    }

    [Fact]
    public async Task A_column_mapping_reads_another_crm_layout()
    {
        var pipeline = "Deal ID,Owner,Item,Company,Status,Created,Closed,Amount\nC1,Anna Snelling,GTX Pro,Acme,Won,2017-03-01,2017-03-11,4500\n";
        var report = await Json(await Import("import-mapped", ImportSample.Upload(pipeline, Teams, Products,
            ("opportunityId", "Deal ID"), ("agent", "Owner"), ("product", "Item"), ("account", "Company"), ("stage", "Status"),
            ("engageDate", "Created"), ("closeDate", "Closed"), ("closeValue", "Amount"))), HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        Assert.Equal(4500m, (await Snapshot("import-mapped")).GetProperty("deals").GetProperty("wonValue").GetDecimal());
    }

    [Fact]
    public async Task A_simulation_workspace_cannot_be_overwritten_by_an_import()
    {
        var problem = await Json(await Import("demo", ImportSample.Upload(PipelineHeader, Teams, Products)), HttpStatusCode.Conflict);
        Assert.Contains("simulation", problem.GetProperty("detail").GetString());
    }
}
