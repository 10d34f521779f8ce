using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Domain.Tests.Setup;

namespace Growth.Domain.Tests.Organisations;

/// <summary>Lead tags and the tag rules that route leads to teams, and the territory owner rule within a team.</summary>
public class TagRoutingTests
{
    static SetupDocument Tagged() => ValidSetup.Document() with
    {
        Rules = new RulesSetup
        {
            Tags = new LeadTagsSetup
            {
                Segments = [new SegmentShareSetup { Name = "smb", Share = 0.6 }, new SegmentShareSetup { Name = "enterprise", Share = 0.4 }],
                Custom = [new CustomTagSetup { Name = "vip", Share = 0.5, Channels = [Channel.Events] }],
            },
            Assignment =
            [
                new TagRuleSetup { Segments = ["enterprise"], Team = "north-2" },
                new TagRuleSetup { Sources = [Channel.Events], Region = "south" },
                new TagRuleSetup { Tags = ["vip"], Team = "north-1" },
            ],
        },
    };

    [Fact]
    public void A_tag_rule_routes_every_matching_lead_to_the_named_team_and_the_first_match_wins()
    {
        var setup = Tagged();
        Assert.Empty(SetupValidator.Validate(setup));
        var rules = SetupCompiler.Parameters(setup, BehaviourParameters.Default).Rules;
        var routed = new Dictionary<string, int>();
        for (var i = 0; i < 2000; i++)
        {
            var channel = i % 2 == 0 ? Channel.Events : Channel.Ads;
            var tags = rules.Tagging.Tag(channel, null, (ulong)i * 7919UL + 1);
            var route = TagRouting.Route(rules.TagRules, tags);
            var where = route is null ? "default" : $"{route.RegionId}/{route.TeamId ?? "*"}";
            routed[where] = routed.GetValueOrDefault(where) + 1;
            if (tags.Segment == "enterprise") Assert.Equal("north/north-2", where); // a rule naming only the team takes its region
            else if (channel == Channel.Events) Assert.Equal("south/*", where);     // rule 2 before rule 3: a vip event lead goes south
            else Assert.Equal("default", where);                                   // ads leads are never vip (events only)
            Assert.True(tags.Product is "gtx-1" or "gtx-2" or "short-1");
        }
        // Segments drawn by their shares (0.4 enterprise), seeded: 2000 leads within 3 points.
        Assert.InRange(routed["north/north-2"] / 2000.0, 0.37, 0.43);
        Assert.False(routed.ContainsKey("north/north-1"));
    }

    [Fact]
    public void Without_rules_every_lead_keeps_its_default_route_and_tags_change_no_other_draw()
    {
        var rules = SetupCompiler.Parameters(new SetupDocument(), BehaviourParameters.Default).Rules;
        var tags = rules.Tagging.Tag(Channel.Referral, null, 42);
        Assert.Null(TagRouting.Route(rules.TagRules, tags));
        Assert.Equal(["source:referral"], tags.Texts());
        // The same seed gives the same tags.
        var setup = Tagged();
        var tagging = SetupCompiler.Tagging(setup);
        Assert.Equal(tagging.Tag(Channel.Events, "expo", 99).Texts(), tagging.Tag(Channel.Events, "expo", 99).Texts());
    }

    static RepProfile Rep(string id, RepTerritory? territory = null, int capacity = 10) =>
        new() { Id = id, Name = id, TeamId = "t", Skills = Enumerable.Repeat(0.5, 6).ToArray(), Capacity = capacity, Territory = territory ?? RepTerritory.Everywhere };

    [Fact]
    public void Territory_owner_gives_the_lead_to_the_rep_who_names_the_most_of_its_territory()
    {
        var reps = new[]
        {
            Rep("generalist"),
            Rep("smb", new RepTerritory { Segments = ["smb"] }),
            Rep("smb-gtx", new RepTerritory { Segments = ["smb"], ProductLines = ["GTX"] }),
            Rep("south", new RepTerritory { Regions = ["south"] }),
        };
        int Pick(string? segment, string? line, string region, params int[] loads) => LeadAssignment.Pick(AssignmentRule.TerritoryOwner, reps,
            loads.Length == 0 ? [0, 0, 0, 0] : loads, 0, new LeadTags { Segment = segment, ProductLine = line }, region);
        Assert.Equal(2, Pick("smb", "GTX", "north"));            // segment and line named
        Assert.Equal(1, Pick("smb", "Short courses", "north"));  // smb-gtx does not cover the line
        Assert.Equal(0, Pick("enterprise", "GTX", "north"));     // only the generalist covers enterprise in the north
        Assert.Equal(3, Pick("enterprise", "GTX", "south"));     // the south's owner
        Assert.Equal(2, Pick("smb", "GTX", "north", 0, 0, 9, 0)); // the owner keeps it even when busier
        // Among equal owners the least loaded: smb leads of another line go to "smb" or the generalist by score, so load the two generalists.
        var equals = new[] { Rep("a", new RepTerritory { Segments = ["smb"] }), Rep("b", new RepTerritory { Segments = ["smb"] }) };
        Assert.Equal(1, LeadAssignment.Pick(AssignmentRule.TerritoryOwner, equals, [5, 2], 0, new LeadTags { Segment = "smb" }, "north"));
        // Nobody covers the lead: the least loaded of the team.
        Assert.Equal(1, LeadAssignment.Pick(AssignmentRule.TerritoryOwner, equals, [5, 2], 0, new LeadTags { Segment = "enterprise" }, "north"));
    }

    [Fact]
    public void Territory_owner_reads_the_setup_territory_and_each_team_rule_keeps_its_behaviour()
    {
        var setup = ValidSetup.Document().WithTeam(1, 0, t => t with { Assignment = AssignmentRule.TerritoryOwner });
        var team = SetupCompiler.Organisation(setup, new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero)).Teams.Single(t => t.Id == "south-1");
        Assert.Equal(AssignmentRule.TerritoryOwner, team.Rule);
        var gtx = new LeadTags { Segment = "smb", ProductLine = "GTX" };
        Assert.Equal(1, LeadAssignment.Pick(team.Rule, team.Reps, [0, 3], 0, gtx, "south"));  // rep-8 owns south / smb / GTX
        Assert.Equal(0, LeadAssignment.Pick(team.Rule, team.Reps, [0, 3], 0, gtx with { ProductLine = "Short courses" }, "south"));
        // Round-robin and least-loaded ignore the tags.
        Assert.Equal(0, LeadAssignment.Pick(AssignmentRule.RoundRobin, team.Reps, [0, 3], 4, gtx, "south"));
        Assert.Equal(0, LeadAssignment.Pick(AssignmentRule.LeastLoaded, team.Reps, [0, 3], 0, gtx, "south"));
    }
}
