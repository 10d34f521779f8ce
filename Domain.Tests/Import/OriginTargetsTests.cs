using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using static Growth.Domain.Tests.Import.SmallExport;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// A lead's origin maps to the workspace's own campaigns and channels (its setup's), with Growth's fixed channels as the
/// fallback when the setup has no campaigns; an unknown campaign or channel refuses the import, naming it and what may be named.
/// </summary>
public sealed class OriginTargetsTests
{
    const string Leads = "mql_id,first_contact_date,landing_page_id,origin\n" +
        "L1,20-10-2017,lp,paid_search\nL2,21-10-2017,lp,display\nL3,22-10-2017,lp,fair\nL4,23-10-2017,lp,blog\nL5,24-10-2017,lp,other\n";
    const string Deals = "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,declared_monthly_revenue\n" +
        "L1,s,d,rep-a,26-10-2017,x,y,1000\nL3,s,d,rep-a,27-10-2017,x,y,500\nL4,s,d,rep-b,28-10-2017,x,y,250\n";

    static readonly OriginTargets Own = OriginTargets.Of(new ChannelsSetup
    {
        Campaigns =
        [
            new CampaignSetup { Id = "search-2017", Name = "Search ads 2017", Channel = Channel.Ads },
            new CampaignSetup { Id = "trade-fair", Name = "Trade fair", Channel = Channel.Events },
        ],
    });

    static CrmImportResult Import(string originChannels, OriginTargets? targets) =>
        CrmImport.Read(CrmSource.FromText("closed_deals.csv", Deals), null, null, CrmPresets.LeadsAndDeals with { OriginChannels = originChannels },
            CrmSource.FromText("leads.csv", Leads), targets);

    static WorkspaceSnapshot Snapshot(CrmImportResult result)
    {
        var figures = new WorkspaceFigures();
        foreach (var journey in result.Journeys)
        {
            var state = Apply(journey);
            figures.Apply(new TallyDelta(GroupKey.Of(state), Tally.Of(state)));
        }
        return SnapshotBuilder.Build("origins", Utc(2018, 1, 1), 1, figures, result.Organisation);
    }

    [Fact]
    public void Origins_mapped_to_the_workspace_s_campaigns_join_them_and_origins_mapped_to_its_channels_stay_campaigns_of_their_own()
    {
        // Two origins join one campaign of the workspace (by id and by name, ignoring case); one maps to a channel of it.
        var result = Import("paid_search=search-2017; display=SEARCH ADS 2017; fair=trade-fair; blog=Events", Own);

        Assert.Equal([("search-2017", "Search ads 2017", Channel.Ads), ("trade-fair", "Trade fair", Channel.Events), ("origin-blog", "blog", Channel.Events)],
            result.Organisation.Campaigns.Select(c => (c.Id, c.Name, c.Channel)));
        var s = Snapshot(result);
        var byCampaign = s.Campaigns.ToDictionary(c => c.Name);
        Assert.Equal((2L, 1L, 1000m), (byCampaign["Search ads 2017"].Leads, byCampaign["Search ads 2017"].Won, byCampaign["Search ads 2017"].Revenue));
        Assert.Equal((1L, 1L, 500m), (byCampaign["Trade fair"].Leads, byCampaign["Trade fair"].Won, byCampaign["Trade fair"].Revenue));
        Assert.Equal((1L, 1L, 250m), (byCampaign["blog"].Leads, byCampaign["blog"].Won, byCampaign["blog"].Revenue));
        // "other" is in no entry: a campaign of its own without a channel, said in a note.
        Assert.Contains(result.Report.Notes, n => n.Contains("origin(s) other have no channel in the mapping"));
    }

    [Fact]
    public void A_channel_the_workspace_s_campaigns_do_not_run_on_is_refused_naming_it_and_the_campaigns_and_channels_it_has()
    {
        var refused = Assert.Throws<CrmImportException>(() => Import("paid_search=search-2017; blog=Content", Own));
        Assert.Equal("leads.csv", refused.FileName);
        Assert.Equal("leads.csv: origin channel entry 'blog=Content': 'Content' is not a campaign or channel of the workspace; the workspace's campaigns are " +
            "Search ads 2017 (search-2017, Ads), Trade fair (trade-fair, Events); its channels are Ads, Events, Referral", refused.Message);
        var unknown = Assert.Throws<CrmImportException>(() => Import("fair=spring-fair", Own));
        Assert.Contains("'spring-fair' is not a campaign or channel of the workspace", unknown.Message);
        var malformed = Assert.Throws<CrmImportException>(() => Import("fair", Own));
        Assert.Contains("origin channel entry 'fair' is not origin=campaign or origin=channel", malformed.Message);
    }

    [Fact]
    public void Without_campaigns_in_the_setup_origins_map_to_growth_s_channels_and_an_unknown_one_is_named()
    {
        Assert.Same(OriginTargets.Fixed, OriginTargets.Of(new ChannelsSetup()));
        Assert.Same(OriginTargets.Fixed, OriginTargets.Of(null));
        var result = Import("paid_search=Ads; fair=events", null);
        Assert.Equal([("origin-paid-search", Channel.Ads), ("origin-fair", Channel.Events)], result.Organisation.Campaigns.Select(c => (c.Id, c.Channel)));

        var refused = Assert.Throws<CrmImportException>(() => Import("paid_search=Radio", OriginTargets.Fixed));
        Assert.EndsWith("origin channel entry 'paid_search=Radio': 'Radio' is not a campaign or channel of the workspace; the workspace's setup has no " +
            "campaigns, so the channels are Growth's: Ads, Events, Content, Incentive, Brand, Referral", refused.Message);
        // A number is not a channel, though the enum would parse it.
        Assert.Throws<CrmImportException>(() => Import("paid_search=1", OriginTargets.Fixed));
    }

    [Fact]
    public void The_page_s_view_of_a_mapping_shows_each_entry_with_what_it_maps_to_without_throwing()
    {
        var entries = Own.Entries("paid_search=Trade fair; blog=ads;bad;x=Radio");
        Assert.Equal(
        [
            new OriginEntry("paid_search=Trade fair", "paid_search", "Trade fair", new OriginTarget("trade-fair", "Trade fair", Channel.Events)),
            new OriginEntry("blog=ads", "blog", "ads", new OriginTarget(null, null, Channel.Ads)),
            new OriginEntry("bad", "", "", null),
            new OriginEntry("x=Radio", "x", "Radio", null),
        ], entries);
        // Referral is a channel of every workspace: a setup never has a referral campaign, yet customers refer leads.
        Assert.Equal(new OriginTarget(null, null, Channel.Referral), Own.Find("referral"));
        Assert.Null(Own.Find("Content"));
    }

    [Fact]
    public void A_column_s_distinct_values_are_read_in_file_order_up_to_a_limit()
    {
        Assert.Equal(["paid_search", "display", "fair"], CsvHeader.Values(CrmSource.FromText("leads.csv", Leads), "origin", 3));
        Assert.Empty(CsvHeader.Values(CrmSource.FromText("leads.csv", Leads), "channel", 3));
    }
}
