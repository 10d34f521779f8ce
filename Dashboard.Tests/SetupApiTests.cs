using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Grains.Simulation;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A workspace's setup over real HTTP: created from a template, read and written as JSON and YAML (a download sent
/// back gives the same setup and no new version), one part at a time, previewed, refused with the field path named,
/// guarded by If-Match, versioned and rolled back.
/// </summary>
[Collection(DashboardCollection.Name)]
public class SetupApiTests(DashboardHost host)
{
    HttpClient Http => host.Http;

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static StringContent Content(string text, string type) => new(text, Encoding.UTF8, type);

    static string Version(HttpResponseMessage response) => response.Headers.ETag!.Tag;

    /// <summary>A new workspace from the business software template (version 1), through the API.</summary>
    async Task<string> FromTemplateAsync(string workspace, string template = "business-software")
    {
        var created = await Json(await Http.PostAsync($"/api/workspaces/{workspace}/from-template/{template}", null), HttpStatusCode.Created);
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        return workspace;
    }

    async Task<(string Text, string Version)> GetAsync(string workspace, string format = "json")
    {
        using var response = await Http.GetAsync($"/api/workspaces/{workspace}/setup?format={format}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return (text, Version(response));
    }

    async Task<HttpResponseMessage> PutAsync(string workspace, string text, string type, string? ifMatch = null, string path = "/setup")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/workspaces/{workspace}{path}") { Content = Content(text, type) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await Http.SendAsync(request);
    }

    [Fact]
    public async Task Templates_are_listed_and_a_workspace_from_one_simulates_its_setup_as_version_1()
    {
        var templates = await Json(await Http.GetAsync("/api/templates"), HttpStatusCode.OK);
        var ids = templates.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Contains("business-software", ids);
        Assert.True(ids.Count >= 3, string.Join(", ", ids));
        Assert.All(templates.EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("summary").GetString())));

        var ws = await FromTemplateAsync("setup-api-template");
        var (json, version) = await GetAsync(ws);
        Assert.Equal("\"1\"", version);
        Assert.Equal("Brightline Software", JsonDocument.Parse(json).RootElement.GetProperty("company").GetProperty("name").GetString());
        Assert.True((await host.Grains.GetGrain<ISimulationGrain>(ws).GetStatusAsync()).Running);
        var versions = await Json(await Http.GetAsync($"/api/workspaces/{ws}/setup/versions"), HttpStatusCode.OK);
        Assert.Equal(DashboardHost.AdminName, Assert.Single(versions.EnumerateArray()).GetProperty("by").GetString());

        await Json(await Http.PostAsync($"/api/workspaces/{ws}/from-template/business-software", null), HttpStatusCode.Conflict);
        await Json(await Http.PostAsync("/api/workspaces/setup-api-none/from-template/no-such-template", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_download_sent_back_gives_the_same_setup_and_no_new_version_and_an_edited_one_exactly_the_edit()
    {
        var ws = await FromTemplateAsync("setup-api-roundtrip");
        var (json, _) = await GetAsync(ws);
        var (yaml, version) = await GetAsync(ws, "yaml");
        Assert.Contains("company:", yaml);

        foreach (var (text, type) in new[] { (yaml, "application/yaml"), (json, "application/json"), (yaml, "text/yaml") })
        {
            using var again = await PutAsync(ws, text, type, ifMatch: version);
            Assert.Equal(1, (await Json(again, HttpStatusCode.OK)).GetProperty("number").GetInt32());
            Assert.Equal((json, version), await GetAsync(ws));
        }

        // Edit the file as a person would: the first rep's quota.
        var edited = new Regex("quota: 300000").Replace(yaml, "quota: 310000", 1);
        Assert.NotEqual(yaml, edited);
        using var put = await PutAsync(ws, edited, "application/x-yaml");
        var applied = await Json(put, HttpStatusCode.OK);
        Assert.Equal("\"2\"", Version(put));
        var change = Assert.Single(applied.GetProperty("changes").EnumerateArray());
        Assert.EndsWith(".quota", change.GetProperty("path").GetString());
        Assert.Equal(edited, (await GetAsync(ws, "yaml")).Text);
        var (afterJson, _) = await GetAsync(ws);
        Assert.Equal(310000m, JsonDocument.Parse(afterJson).RootElement.GetProperty("organisation").GetProperty("regions")[0]
            .GetProperty("teams")[0].GetProperty("reps")[0].GetProperty("quota").GetDecimal());
    }

    [Fact]
    public async Task One_part_is_read_and_replaced_alone()
    {
        var ws = await FromTemplateAsync("setup-api-part");
        using var part = await Http.GetAsync($"/api/workspaces/{ws}/setup/paymentTerms");
        var terms = JsonDocument.Parse(await part.Content.ReadAsStringAsync()).RootElement;
        Assert.True(terms.TryGetProperty("days", out _), terms.ToString());

        using var put = await PutAsync(ws, """{ "days": 45, "deposit": 0.1, "onTimeShare": 0.7, "lateCollectedShare": 0.8, "daysLate": 20 }""",
            "application/json", path: "/setup/paymentTerms");
        var applied = await Json(put, HttpStatusCode.OK);
        Assert.Equal(2, applied.GetProperty("number").GetInt32());
        Assert.All(applied.GetProperty("changes").EnumerateArray(), c => Assert.StartsWith("paymentTerms.", c.GetProperty("path").GetString()));
        var doc = JsonDocument.Parse((await GetAsync(ws)).Text).RootElement;
        Assert.Equal(45, doc.GetProperty("paymentTerms").GetProperty("days").GetInt32());
        Assert.Equal("Brightline Software", doc.GetProperty("company").GetProperty("name").GetString());

        await Json(await Http.GetAsync($"/api/workspaces/{ws}/setup/nonsense"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_refusal_has_its_status_names_the_field_path_and_applies_nothing()
    {
        var ws = await FromTemplateAsync("setup-api-refusals");
        var (json, version) = await GetAsync(ws);
        var negative = new Regex("\"quota\": ?300000").Replace(json, "\"quota\": -5", 1);
        Assert.NotEqual(json, negative);

        var invalid = await Json(await PutAsync(ws, negative, "application/json"), HttpStatusCode.BadRequest);
        var paths = invalid.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("organisation.regions[0].teams[0].reps[0].quota", paths);
        Assert.Contains("organisation.regions[0].teams[0].reps[0].quota", invalid.GetProperty("detail").GetString());

        var shape = await Json(await PutAsync(ws, """{ "company": { "fiscalYearStartMonth": "soon" } }""", "application/json"), HttpStatusCode.BadRequest);
        Assert.Contains(shape.GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString()!.StartsWith("company.fiscalYearStartMonth"));

        await Json(await PutAsync(ws, json, "application/json", ifMatch: "\"7\""), HttpStatusCode.Conflict);
        await Json(await PutAsync("setup-api-nowhere", json, "application/json"), HttpStatusCode.NotFound);
        await Json(await Http.GetAsync($"/api/workspaces/{ws}/setup/versions/9"), HttpStatusCode.NotFound);
        await Json(await Http.PostAsync($"/api/workspaces/{ws}/setup/versions/9/rollback", null), HttpStatusCode.NotFound);
        await Json(await Http.GetAsync($"/api/workspaces/{ws}/setup?format=xml"), HttpStatusCode.BadRequest);
        using (var huge = await PutAsync(ws, new string(' ', 5 * 1024 * 1024 + 1), "application/json"))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        Assert.Equal((json, version), await GetAsync(ws));
        Assert.Single((await Json(await Http.GetAsync($"/api/workspaces/{ws}/setup/versions"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_preview_lists_changes_and_problems_and_stores_nothing()
    {
        var ws = await FromTemplateAsync("setup-api-preview");
        var (json, version) = await GetAsync(ws);
        var renamed = json.Replace("Brightline Software", "Brightline Labs");
        var preview = await Json(await Http.PostAsync($"/api/workspaces/{ws}/setup/preview", Content(renamed, "application/json")), HttpStatusCode.OK);
        Assert.True(preview.GetProperty("valid").GetBoolean());
        var change = Assert.Single(preview.GetProperty("changes").EnumerateArray());
        Assert.Equal("company.name", change.GetProperty("path").GetString());

        var broken = new Regex("\"listPrice\": ?\\d+").Replace(json, "\"listPrice\": -1", 1);
        var refused = await Json(await Http.PostAsync($"/api/workspaces/{ws}/setup/preview", Content(broken, "application/json")), HttpStatusCode.OK);
        Assert.False(refused.GetProperty("valid").GetBoolean());
        Assert.Contains(refused.GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString() == "catalogue.products[0].listPrice");
        Assert.Equal((json, version), await GetAsync(ws));
    }

    [Fact]
    public async Task Versions_are_kept_readable_and_a_rollback_stores_an_earlier_one_again()
    {
        var ws = await FromTemplateAsync("setup-api-versions");
        var (v1, _) = await GetAsync(ws);
        using (var second = await PutAsync(ws, v1.Replace("Brightline Software", "Brightline Two"), "application/json", ifMatch: "\"1\""))
            await Json(second, HttpStatusCode.OK);
        using (var third = await PutAsync(ws, v1.Replace("Brightline Software", "Brightline Three"), "application/json", ifMatch: "\"2\""))
            await Json(third, HttpStatusCode.OK);
        // The second change was made against version 2 too: stale now.
        using (var stale = await PutAsync(ws, v1.Replace("Brightline Software", "Brightline Late"), "application/json", ifMatch: "\"2\""))
            await Json(stale, HttpStatusCode.Conflict);

        var versions = await Json(await Http.GetAsync($"/api/workspaces/{ws}/setup/versions"), HttpStatusCode.OK);
        Assert.Equal([3, 2, 1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        using var two = await Http.GetAsync($"/api/workspaces/{ws}/setup/versions/2");
        Assert.Contains("Brightline Two", await two.Content.ReadAsStringAsync());

        using var rollback = await Http.PostAsync($"/api/workspaces/{ws}/setup/versions/1/rollback", null);
        Assert.Equal(4, (await Json(rollback, HttpStatusCode.OK)).GetProperty("number").GetInt32());
        Assert.Equal((v1, "\"4\""), await GetAsync(ws));
    }

    [Fact]
    public async Task Leadership_changes_the_setup_under_its_own_name_and_a_rep_or_marketer_cannot_read_it()
    {
        var ws = await FromTemplateAsync("setup-api-access");
        var leader = await host.SignInAsAsync($"{ws}:Leadership");
        var rep = await host.SignInAsAsync($"{ws}:Rep:rep-01");
        var marketer = await host.SignInAsAsync($"{ws}:Marketing");
        var (json, _) = await GetAsync(ws);

        using (var put = await leader.Http.PutAsync($"/api/workspaces/{ws}/setup", Content(json.Replace("Brightline Software", "Led"), "application/json")))
            await Json(put, HttpStatusCode.OK);
        var latest = (await Json(await Http.GetAsync($"/api/workspaces/{ws}/setup/versions"), HttpStatusCode.OK))[0];
        Assert.Equal(leader.UserName, latest.GetProperty("by").GetString());

        foreach (var other in new[] { rep, marketer })
        {
            using var read = await other.Http.GetAsync($"/api/workspaces/{ws}/setup");
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
            using var write = await other.Http.PutAsync($"/api/workspaces/{ws}/setup", Content(json, "application/json"));
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }
    }
}
