using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Records;

namespace Growth.Domain.Tests.Records;

public class RecordListTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 40 journeys j-00..39: j-00..19 open deals (value 100 × (i + 1)), j-20..29 won customers, j-30..39 open leads; owners
    /// rep-a/rep-b in turn (rep-a in team-1, rep-b in team-2); each with a seeded name.
    /// </summary>
    static List<CustomerRecord> Rows() => Enumerable.Range(0, 40).Select(i =>
    {
        var state = new JourneyState
        {
            Id = $"j-{i:00}", Status = i is >= 20 and < 30 ? JourneyStatus.Customer : JourneyStatus.Prospect,
            Stage = i < 20 ? FunnelStage.Opportunity : i < 30 ? FunnelStage.Payment : FunnelStage.Lead,
            OpportunityAt = i < 30 ? T0 : null, OpportunityValue = 100 * (i + 1), WonValue = i is >= 20 and < 30 ? 100 * (i + 1) : 0,
            LastStep = i < 20 ? (ConversationStep)(i % 6) : null,
            RegionId = "region-1", TeamId = i % 2 == 0 ? "team-1" : "team-2", RepId = i % 2 == 0 ? "rep-a" : "rep-b",
            Channel = (Channel)(i % 3), CreatedAt = T0.AddDays(-i), LastEventAt = T0.AddHours(i),
        };
        return CustomerRecord.Of(state, (ulong)(1000 + i), erased: false).Named(null);
    }).ToList();

    static RecordQuery Query(string kind = "deals", string? q = null, string? owner = null, string? team = null, string? step = null,
        string? channel = null, string? sort = null, bool? desc = null, int? page = null, int? size = null, string? status = null) =>
        RecordQuery.Parse(kind, q, owner, team, null, null, step, channel, null, status, sort, desc, page, size) is ({ } query, null)
            ? query : throw new InvalidOperationException("refused");

    /// <summary>The rows split over four shards as the grains hold them, each cut, then merged.</summary>
    static RecordPage Page(RecordQuery query, FigureScope? scope = null)
    {
        var rows = Rows();
        var slices = Enumerable.Range(0, 4).Select(s => RecordList.Slice(rows.Where((_, i) => i % 4 == s), query, scope ?? FigureScope.Full, query.RowsThroughPage));
        return RecordList.Merge(slices, query);
    }

    [Fact]
    public void Pages_over_shards_cover_every_matching_record_once_in_order()
    {
        var query = Query(sort: "value", desc: true, size: 7, status: "prospect");
        var first = Page(query);
        Assert.Equal((20, 3), (first.Total, first.Pages));
        var seen = Enumerable.Range(1, first.Pages).SelectMany(p => Page(query with { Page = p }).Rows).Select(r => r.JourneyId).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Reverse().Select(i => $"j-{i:00}"), seen);
    }

    [Fact]
    public void Each_kind_lists_its_own_records()
    {
        // A won deal is a deal and a customer.
        Assert.Equal(30, Page(Query("deals")).Total);
        Assert.Equal(20, Page(Query("deals", status: "Prospect")).Total);
        Assert.Equal(10, Page(Query("customers")).Total);
        Assert.Equal(Enumerable.Range(30, 10).Select(i => $"j-{i:00}"), Page(Query("leads", sort: "created")).Rows.Select(r => r.JourneyId).Order());
    }

    [Fact]
    public void A_customer_is_found_by_part_of_their_name_in_any_case()
    {
        var named = Rows()[7];
        var part = named.Name.Split(' ')[^1].ToUpperInvariant();
        var found = Page(Query("deals", q: part)).Rows;
        Assert.Contains(found, r => r.JourneyId == "j-07");
        Assert.All(found, r => Assert.Contains(part, (r.Name + "|" + r.Company + "|" + r.JourneyId).ToUpperInvariant()));
        Assert.Equal(["j-12"], Page(Query("deals", q: "J-12")).Rows.Select(r => r.JourneyId));
    }

    [Fact]
    public void Filters_combine_and_the_viewer_sees_only_their_part()
    {
        var teamTwo = Page(Query("deals", team: "team-2", step: "Rapport"));
        Assert.All(teamTwo.Rows, r => Assert.Equal(("team-2", ConversationStep.Rapport), (r.TeamId, r.Step!.Value)));
        Assert.Equal(new[] { 1, 7, 13, 19 }.Select(i => $"j-{i:00}"), teamTwo.Rows.Select(r => r.JourneyId).Order());
        var repA = Page(Query("deals"), new FigureScope(false, ["rep-a"]));
        Assert.Equal(15, repA.Total);
        Assert.All(repA.Rows, r => Assert.Equal("rep-a", r.RepId));
        Assert.Equal(0, Page(Query("deals"), FigureScope.None).Total);
    }

    [Fact]
    public void Names_are_drawn_from_the_seed_the_same_every_time_and_kept_blank_once_erased()
    {
        var a = Rows()[3];
        Assert.Equal(a.Name, Rows()[3].Name);
        Assert.NotEqual(a.Name, Rows()[4].Name);
        Assert.False(string.IsNullOrWhiteSpace(a.Name));
        var erased = a.Blanked();
        var later = (a with { Name = "", Company = "", Erased = true, NameSeed = null }).Named(erased);
        Assert.Equal(("", "", "j-03"), (later.Name, later.Company, later.Display));
        // A later change of a named journey keeps its name without drawing it again.
        Assert.Equal(a.Name, (a with { Name = "", Company = "" }).Named(a).Name);
    }

    [Theory]
    [InlineData("people", null, "kind 'people' must be one of Leads, Deals, Customers")]
    [InlineData("deals", "size", "sort 'size' must be one of name, company")]
    [InlineData("deals", "value", "size must be between 1 and 500 (was 501)")]
    public void Bad_queries_are_refused_naming_the_field(string kind, string? sort, string expected)
    {
        var (query, error) = RecordQuery.Parse(kind, null, null, null, null, null, null, null, null, null, sort, null, null, sort == "value" ? 501 : null);
        Assert.Null(query);
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Unknown_stage_channel_and_status_are_refused_with_the_allowed_values()
    {
        Assert.StartsWith("stage 'Nowhere' must be one of CampaignTouch", RecordQuery.Parse(null, null, null, null, null, "Nowhere", null, null, null, null, null, null, null, null).Error);
        Assert.StartsWith("channel 'Radio' must be one of Ads", RecordQuery.Parse(null, null, null, null, null, null, null, "Radio", null, null, null, null, null, null).Error);
        Assert.StartsWith("status 'None' must be one of Prospect", RecordQuery.Parse(null, null, null, null, null, null, null, null, null, "None", null, null, null, null).Error);
    }
}
