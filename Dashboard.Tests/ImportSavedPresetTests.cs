using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Named mapping presets over real HTTP: a mapping adjusted from a built-in preset is saved under a name for one
/// workspace and chosen later by that name; bad names and unknown presets are refused, naming what is allowed.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportSavedPresetTests(DashboardHost host)
{
    /// <summary>The HubSpot sample with its owner column renamed, as an export with a customised view has it.</summary>
    static MultipartFormDataContent Upload(string preset)
    {
        var text = File.ReadAllText(Path.Combine(SharedDatasets.ImportSamples, "hubspot-deals.csv")).Replace("Deal owner", "Owner");
        var bytes = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { bytes, "pipeline", "deals.csv" }, { new StringContent(preset), "preset" } };
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> Read(HttpResponseMessage response) =>
        (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);

    [Fact]
    public async Task A_saved_mapping_is_chosen_later_by_its_name_and_imports_the_file_it_fits()
    {
        const string ws = "saved-preset";
        // The built-in preset does not fit the renamed column: refused, naming it.
        var (refused, problem) = await Read(await host.Http.PostAsync($"/api/workspaces/{ws}/imports", Upload("hubspot")));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("Deal owner", problem.GetProperty("detail").GetString());

        var (saved, list) = await Read(await host.Http.PutAsJsonAsync($"/api/workspaces/{ws}/imports/presets/Our HubSpot view",
            new Dictionary<string, string> { ["preset"] = "hubspot", ["agent"] = "Owner" }));
        Assert.Equal(HttpStatusCode.OK, saved);
        var named = Assert.Single(list.EnumerateArray());
        Assert.Equal("Our HubSpot view", named.GetProperty("name").GetString());
        Assert.Equal("Owner", named.GetProperty("mapping").GetProperty("agent").GetString());
        Assert.Equal("Amount", named.GetProperty("mapping").GetProperty("closeValue").GetString());

        // Listed for the workspace, not for another one.
        var listed = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/imports/presets")).RootElement;
        Assert.Equal(["Our HubSpot view"], listed.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(0, JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}-other/imports/presets")).RootElement.GetArrayLength());

        var (imported, report) = await Read(await host.Http.PostAsync($"/api/workspaces/{ws}/imports", Upload("our hubspot view")));
        Assert.Equal(HttpStatusCode.OK, imported);
        Assert.Equal((9, 9, 3), (report.GetProperty("rowsRead").GetInt32(), report.GetProperty("imported").GetInt32(), report.GetProperty("reps").GetInt32()));
        var deals = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/snapshot")).RootElement.GetProperty("deals");
        Assert.Equal((4L, 2L, 3L), (deals.GetProperty("won").GetInt64(), deals.GetProperty("lost").GetInt64(), deals.GetProperty("open").GetInt64()));
    }

    [Theory]
    [InlineData("%20", "a preset name is required")]
    [InlineData("hubspot", "is a built-in preset (maven, hubspot, salesforce, pipedrive, leads-deals)")]
    [InlineData("bad*name", "has '*'")]
    public async Task A_bad_name_is_refused_naming_the_rule_and_nothing_is_saved(string name, string says)
    {
        var ws = "saved-preset-bad";
        var (status, problem) = await Read(await host.Http.PutAsJsonAsync($"/api/workspaces/{ws}/imports/presets/{name}",
            new Dictionary<string, string> { ["agent"] = "Owner" }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, problem.GetProperty("detail").GetString());
        Assert.Equal(0, JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{ws}/imports/presets")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_mapping_field_or_base_preset_is_refused_naming_the_allowed_ones()
    {
        var (field, fieldProblem) = await Read(await host.Http.PutAsJsonAsync("/api/workspaces/saved-preset-field/imports/presets/mine",
            new Dictionary<string, string> { ["owner"] = "Owner" }));
        Assert.Equal(HttpStatusCode.BadRequest, field);
        Assert.Contains("form field 'owner' is not a column mapping; the mapping fields are", fieldProblem.GetProperty("detail").GetString());

        var (preset, presetProblem) = await Read(await host.Http.PostAsync("/api/workspaces/saved-preset-field/imports", Upload("zoho view")));
        Assert.Equal(HttpStatusCode.BadRequest, preset);
        Assert.Contains("preset 'zoho view' is unknown; the presets are maven, hubspot", presetProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_saved_mapping_is_deleted_by_its_name_and_an_upload_naming_it_is_then_refused()
    {
        const string ws = "saved-preset-delete";
        var path = $"/api/workspaces/{ws}/imports/presets";
        Assert.Equal(HttpStatusCode.OK, (await host.Http.PutAsJsonAsync($"{path}/Old view", new Dictionary<string, string> { ["preset"] = "hubspot", ["agent"] = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.PutAsJsonAsync($"{path}/Kept view", new Dictionary<string, string> { ["preset"] = "hubspot" })).StatusCode);

        var (deleted, left) = await Read(await host.Http.DeleteAsync($"{path}/old view"));
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(["Kept view"], left.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["Kept view"], JsonDocument.Parse(await host.Http.GetStringAsync(path)).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        // Gone: deleting it again, or a built-in preset, is a 404 naming what is saved; an upload naming it is refused.
        var (again, problem) = await Read(await host.Http.DeleteAsync($"{path}/Old view"));
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal("no mapping preset 'Old view' is saved in this workspace; the saved ones are Kept view", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.DeleteAsync($"{path}/hubspot")).StatusCode);
        var (upload, refused) = await Read(await host.Http.PostAsync($"/api/workspaces/{ws}/imports", Upload("old view")));
        Assert.Equal(HttpStatusCode.BadRequest, upload);
        Assert.Contains("preset 'old view' is unknown", refused.GetProperty("detail").GetString());
    }
}
