using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Pool;
using Growth.Domain.Records;

namespace Growth.Domain.Tests.Organisations;

/// <summary>
/// A lead's tags are kept on its journey and record row (issue 18): a LeadCreated event carries them (simulated or
/// ingested), the pool counts open leads under every tag kind, the record lists filter by a tag, and a bad tag is refused
/// naming it.
/// </summary>
public class LeadTagTextTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    static JourneyEvent Created(string? tags, string id = "e1") =>
        new() { Id = id, Kind = EventKind.LeadCreated, At = T0, Channel = Channel.Content, CampaignId = "webinar", RegionId = "dach", Tags = tags };

    [Fact]
    public void A_lead_created_with_tags_keeps_them_trimmed_once_each_on_its_state_and_record_row()
    {
        var t = JourneyTransitions.Apply(new JourneyState { Id = "j1" }, Created(" segment:distributor ; tag:key-account;segment:distributor;"));
        Assert.True(t.Accepted, t.Error);
        Assert.Equal("segment:distributor;tag:key-account", t.State.Tags);
        var row = CustomerRecord.Of(t.State, null, erased: false);
        Assert.Equal("segment:distributor;tag:key-account", row.Tags);
        var strings = new RecordStrings();
        Assert.Equal(row, CompactRecord.Of(row, strings).Expand(strings));
        // A later event keeps them.
        var contacted = JourneyTransitions.Apply(t.State, new JourneyEvent { Id = "e2", Kind = EventKind.Contacted, At = T0.AddHours(1) });
        Assert.Equal(t.State.Tags, contacted.State.Tags);
    }

    [Fact]
    public void A_lead_created_before_tags_were_kept_has_none_and_is_counted_by_source_and_campaign_only()
    {
        var state = JourneyTransitions.Apply(new JourneyState { Id = "j1" }, Created(null)).State;
        Assert.Null(state.Tags);
        var pool = LeadPoolView.Slice([CustomerRecord.Of(state, null, false)], FigureScope.Full, T0, 24, 10);
        Assert.Equal(["campaign:webinar", "source:content"], pool.ByTag.Keys.Order());
    }

    [Theory]
    [InlineData("colour:red")]
    [InlineData("distributor")]
    [InlineData("segment:")]
    [InlineData("source:referral")]
    public void An_event_with_a_bad_tag_is_refused_naming_it_and_changes_nothing(string tag)
    {
        var before = new JourneyState { Id = "j1" };
        var t = JourneyTransitions.Apply(before, Created("segment:direct;" + tag));
        Assert.False(t.Accepted);
        Assert.Contains($"tag '{tag}'", t.Error);
        Assert.Same(before, t.State);
    }

    [Fact]
    public void Tags_are_taken_on_LeadCreated_only()
    {
        var state = JourneyTransitions.Apply(new JourneyState { Id = "j1" }, Created("segment:direct")).State;
        var t = JourneyTransitions.Apply(state, new JourneyEvent { Id = "e2", Kind = EventKind.Contacted, At = T0.AddHours(1), Tags = "tag:vip" });
        Assert.False(t.Accepted);
        Assert.Contains("LeadCreated only", t.Error);
        Assert.Equal("segment:direct", t.State.Tags);
    }

    [Theory]
    [InlineData("colour:red", "tag 'colour:red' must be kind:value with kind one of source, campaign, segment, product, tag")]
    [InlineData("source:fax", "tag 'source:fax': source must be one of")]
    [InlineData("segment", "tag 'segment' must be kind:value")]
    public void A_record_list_refuses_a_bad_tag_filter_naming_it(string tag, string error)
    {
        var (query, wrong) = RecordQuery.Parse("Leads", null, null, null, null, null, null, null, null, null, null, null, null, null, tag: tag);
        Assert.Null(query);
        Assert.StartsWith(error, wrong);
    }

    [Fact]
    public void The_pool_counts_open_leads_under_every_tag_kind_and_each_count_is_its_tag_lists_total()
    {
        CustomerRecord Row(string id, Channel channel, string? tags, JourneyStatus status = JourneyStatus.Prospect) => new()
        {
            JourneyId = id, Status = status, Stage = FunnelStage.Lead, Channel = channel, CampaignId = "expo", Tags = tags,
            RegionId = "r", TeamId = "t", RepId = "rep", CreatedAt = T0, AssignedAt = T0,
        };
        CustomerRecord[] rows =
        [
            Row("a", Channel.Content, "segment:distributor;product:pump;tag:key-account"),
            Row("b", Channel.Ads, "segment:distributor;tag:key"),
            Row("c", Channel.Ads, "segment:direct;product:pump"),
            Row("d", Channel.Ads, "segment:distributor", JourneyStatus.Disqualified), // closed: not counted, not listed
        ];
        var pool = LeadPoolView.Slice(rows, FigureScope.Full, T0, 24, 10);
        Assert.Equal(2, pool.ByTag["segment:distributor"]);
        Assert.Equal((1, 2, 1, 1), (pool.ByTag["segment:direct"], pool.ByTag["product:pump"], pool.ByTag["tag:key-account"], pool.ByTag["tag:key"]));
        foreach (var (tag, n) in pool.ByTag)
        {
            var query = LeadPoolView.TagQuery(tag);
            Assert.Null(query.Validate());
            Assert.Equal((tag, n), (tag, RecordList.Slice(rows, query, FigureScope.Full, 10).Total));
        }
    }

    [Fact]
    public void A_tag_is_found_whole_not_as_part_of_another()
    {
        Assert.True(LeadTagText.Has("segment:a;tag:key-account", "tag:key-account"));
        Assert.False(LeadTagText.Has("segment:a;tag:key-account", "tag:key"));
        Assert.True(LeadTagText.Has("tag:key-account;tag:key", "tag:key"));
        Assert.False(LeadTagText.Has(null, "tag:key"));
    }
}
