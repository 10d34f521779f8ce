using System.Net;
using System.Text.Json;
using Growth.Dashboard.Localisation.Chinese;
using Growth.Domain.Import;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// An origin mapped anew after a first import: an imported lead keeps the campaign and channel it was created with (its
/// LeadCreated event would conflict), so the second import is refused whole before anything is stored, naming the origin,
/// what it was imported as (with a lead) and what the import maps it to. The same files under the first mapping still
/// import with nothing changed, and the new mapping imports into a new workspace.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportOriginRemapTests(DashboardHost host)
{
    static MultipartFormDataContent Upload(string? originChannels = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, file) in new[] { ("pipeline", "closed_deals.csv"), ("leads", "leads.csv") })
            form.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(SharedDatasets.ImportSamples, file))), field, file);
        form.Add(new StringContent("leads-deals"), "preset");
        if (originChannels is not null) form.Add(new StringContent(originChannels), "originChannels");
        return form;
    }

    Task<JsonElement> Post(string workspace, MultipartFormDataContent upload, HttpStatusCode expected) =>
        ImportPosts.PostAsync(host.Http, workspace, upload, expected);

    /// <summary>What a leader reads of the workspace: deals, and leads, wins and revenue per campaign with its channel.</summary>
    async Task<string> Figures(string workspace)
    {
        var snapshot = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/workspaces/{workspace}/snapshot")).RootElement;
        var campaigns = snapshot.GetProperty("campaigns").EnumerateArray()
            .Select(c => $"{c.GetProperty("id")}|{c.GetProperty("name")}|{c.GetProperty("channel")}|{c.GetProperty("leads")}|{c.GetProperty("won")}|{c.GetProperty("revenue")}")
            .Order(StringComparer.Ordinal);
        return snapshot.GetProperty("deals").GetRawText() + "\n" + string.Join("\n", campaigns);
    }

    [Fact]
    public async Task Mapping_an_imported_origin_anew_is_refused_naming_it_and_stores_nothing_while_the_first_mapping_still_reimports()
    {
        const string ws = "import-origin-remap", fresh = "import-origin-remap-new";
        var remapped = CrmPresets.LeadsAndDeals.OriginChannels!.Replace("organic_search=Content", "organic_search=Ads");
        Assert.NotEqual(CrmPresets.LeadsAndDeals.OriginChannels, remapped);
        await Post(ws, Upload(), HttpStatusCode.OK);
        var before = await Figures(ws);
        Assert.Contains("|organic_search|Content|3|1|", before);

        var refused = await Post(ws, Upload(remapped), HttpStatusCode.BadRequest);
        var detail = refused.GetProperty("detail").GetString()!;
        // L03 is the first organic_search lead of leads.csv.
        Assert.Equal("leads.csv: origin 'organic_search' was imported into this workspace as campaign 'origin-organic-search' (Content; lead L03), " +
            "and this import maps it to campaign 'origin-organic-search' (Ads): an imported lead keeps the campaign and channel it was created with, " +
            "so map each origin as before or import into a new workspace; nothing was stored", detail);
        Assert.Equal("leads.csv", refused.GetProperty("file").GetString());
        Assert.Equal(before, await Figures(ws));
        Assert.Equal("leads.csv：来源 'organic_search' 已作为活动 'origin-organic-search'（Content；线索 L03）导入此工作区，而本次导入把它映射到活动 'origin-organic-search'（Ads）：" +
            "已导入的线索保留其创建时的活动和渠道，因此请按之前的方式映射每个来源，或导入到新的工作区；未保存任何内容", RefusalChinese.Detail(detail));

        // The first mapping, again: nothing changes.
        var again = await Post(ws, Upload(), HttpStatusCode.OK);
        Assert.Equal((0, 12, 0), (again.GetProperty("journeysChanged").GetInt32(), again.GetProperty("journeysUnchanged").GetInt32(),
            again.GetProperty("journeysRefused").GetInt32()));
        Assert.Equal(before, await Figures(ws));
        // The new mapping, into a new workspace.
        await Post(fresh, Upload(remapped), HttpStatusCode.OK);
        Assert.Contains("|organic_search|Ads|3|1|", await Figures(fresh));
    }
}
