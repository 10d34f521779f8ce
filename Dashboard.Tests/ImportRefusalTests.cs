using System.Net;
using System.Text;
using System.Text.Json;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Bad input to the import over real HTTP: an import that would import nothing, a join key that matches nothing and a
/// date column that cannot be read are refused (400, naming file, row and column) and change nothing stored; a
/// day-first export in Windows-1252 imports on the right days with its names intact.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportRefusalTests(DashboardHost host)
{
    HttpClient Http => host.Http;

    const string Teams = "sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\nViolet Mclelland,Cara Losch,East\n";
    const string Products = "product,series,sales_price\nGTX Basic,GTX,550\nGTX Pro,GTX,4821\n";
    const string PipelineHeader = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return JsonDocument.Parse(body).RootElement;
    }

    Task<HttpResponseMessage> Import(string workspace, MultipartFormDataContent upload) => Http.PostAsync($"/api/workspaces/{workspace}/imports", upload);

    async Task<string> State(string workspace) =>
        JsonSerializer.Serialize(await host.Grains.GetGrain<IWorkspaceGrain>(workspace).GetOrganisationAsync()) +
        (await Http.GetAsync($"/api/workspaces/{workspace}/journeys/A1")).StatusCode;

    async Task SmallImportAsync(string ws)
    {
        var pipeline = $"{PipelineHeader}\nA1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,4000\n";
        Assert.Equal(1, (await Json(await Import(ws, ImportSample.Upload(pipeline, Teams, Products)), HttpStatusCode.OK)).GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task An_import_of_no_row_is_refused_with_the_counts_and_leaves_the_organisation_alone()
    {
        const string ws = "import-nothing";
        await SmallImportAsync(ws);
        var before = await State(ws);
        var junk = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"J{i},Anna Snelling,GTX Pro,Acme,Maybe,3/1/2017,,"));
        var otherTeams = "sales_agent,manager,regional_office\nAnna Snelling,Someone Else,Nowhere\n";
        var problem = await Json(await Import(ws, ImportSample.Upload($"{PipelineHeader}\n{junk}\n", otherTeams, Products)), HttpStatusCode.BadRequest);
        Assert.Equal(50, problem.GetProperty("rowsRead").GetInt32());
        Assert.Equal(0, problem.GetProperty("imported").GetInt32());
        Assert.Equal(50, problem.GetProperty("rejectedByReason").GetProperty("unknown deal stage").GetInt32());
        Assert.Contains("none of its 50 rows could be imported", problem.GetProperty("detail").GetString());
        Assert.Contains("row 2 (J1): unknown deal stage: deal_stage 'Maybe'", problem.GetProperty("detail").GetString());

        var empty = await Json(await Import(ws, ImportSample.Upload(PipelineHeader + "\n", otherTeams, Products)), HttpStatusCode.BadRequest);
        Assert.Contains("no data rows", empty.GetProperty("detail").GetString());
        Assert.Contains("empty", (await Json(await Import(ws, ImportSample.Upload("", otherTeams, Products)), HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString());
        Assert.Equal(before, await State(ws));
    }

    [Fact]
    public async Task A_join_key_that_matches_nothing_and_an_undecidable_date_column_are_refused()
    {
        const string ws = "import-unjoined";
        await SmallImportAsync(ws);
        var before = await State(ws);
        var byAccount = $"{PipelineHeader}\nB1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,4000\n";
        var problem = await Json(await Import(ws, ImportSample.Upload(byAccount, Teams, Products, ("agent", "account"))), HttpStatusCode.BadRequest);
        Assert.Equal("sales_pipeline.csv: no value of column account is in column sales_agent of sales_teams.csv (row 2: 'Acme'); check the mapping and the files",
            problem.GetProperty("detail").GetString());

        var ambiguous = $"{PipelineHeader}\nB1,Anna Snelling,GTX Pro,Acme,Won,01/02/2017,03/04/2017,4000\n";
        var undecided = await Json(await Import(ws, ImportSample.Upload(ambiguous, Teams, Products, ("engageDateFormat", "detect"))), HttpStatusCode.BadRequest);
        Assert.Contains("1 row of sales_pipeline.csv could be day-first or month-first; no row decides it", undecided.GetProperty("detail").GetString());
        Assert.Equal(before, await State(ws));
    }

    [Fact]
    public async Task A_day_first_windows_1252_export_imports_on_its_days_with_its_names()
    {
        const string ws = "import-day-first";
        var latin = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var teams = "sales_agent,manager,regional_office\nJürgen Müller,Crème Brûlée,Zürich\n";
        var pipeline = $"{PipelineHeader}\nC1,Jürgen Müller,GTX Pro,Acme,Won,20-10-2017,03-11-2017,4000\nC2,Jürgen Müller,GTX Pro,Acme,Won,02-11-2017,26-11-2017 19:58,4000\n";
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(latin.GetBytes(pipeline)), "pipeline", "deals.csv" },
            { new ByteArrayContent(latin.GetBytes(teams)), "teams", "teams.csv" },
            { new StringContent(Products), "products", "products.csv" },
            { new StringContent("detect"), "engageDateFormat" },
            { new StringContent("detect"), "closeDateFormat" },
        };
        var report = await Json(await Import(ws, upload), HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Empty(report.GetProperty("fixedUp").EnumerateArray());
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("every unambiguous row is day-first, so day-first is used"));
        var journey = await Json(await Http.GetAsync($"/api/workspaces/{ws}/journeys/C1"), HttpStatusCode.OK);
        Assert.StartsWith("2017-11-03", journey.GetProperty("state").GetProperty("closedAt").GetString());
        var organisation = await host.Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync();
        Assert.Equal(["Jürgen Müller"], organisation!.Reps.Select(r => r.Name));
        Assert.Equal(["Crème Brûlée"], organisation.Teams.Select(t => t.LeaderName));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_before_its_body_is_read_naming_the_limit_and_its_setting()
    {
        const string ws = "import-too-large";
        await SmallImportAsync(ws);
        var before = await State(ws);
        // 2 GiB claimed. With Expect: 100-continue (and no time limit on the answer) the client sends the body only if
        // the server asks for it: the refusal must come from the length alone, before a byte of the body is read.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = Timeout.InfiniteTimeSpan }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await host.KeyForAsync(ws));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{ws}/imports") { Content = new Claimed(2L << 30) };
        request.Headers.ExpectContinue = true;
        var problem = await Json(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("the upload is 2,048.0 MiB (2,147,483,648 bytes): at most 512 MiB (536,870,912 bytes) are accepted, the files together " +
            "(setting Import:MaxUploadMegabytes); nothing was stored", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await State(ws));
    }

    /// <summary>A multipart body that says it is <paramref name="length"/> bytes long and refuses to be sent.</summary>
    sealed class Claimed : HttpContent
    {
        readonly long length;

        public Claimed(long length)
        {
            this.length = length;
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            throw new InvalidOperationException("the server asked for a body it should have refused by its length");

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
