using Growth.Domain.Journeys;
using Growth.Domain.Setup;

namespace Growth.Domain.Tests.Setup;

/// <summary>Lead tags and tag rules in the setup: problems naming their paths, a YAML round trip, a diff.</summary>
public class AssignmentSetupTests
{
    [Fact]
    public void Bad_tags_and_tag_rules_are_refused_with_problems_naming_their_paths()
    {
        var setup = ValidSetup.Document() with
        {
            Rules = new RulesSetup
            {
                Tags = new LeadTagsSetup
                {
                    Segments = [new SegmentShareSetup { Name = "smb", Share = 0.5 }, new SegmentShareSetup { Name = "smb", Share = 0.2 }],
                    Custom = [new CustomTagSetup { Name = "", Share = 1.5 }],
                },
                Assignment =
                [
                    new TagRuleSetup { Segments = ["smb"] },
                    new TagRuleSetup { Region = "east", Team = "north-9" },
                    new TagRuleSetup { Region = "south", Team = "north-1", Campaigns = ["tv"], Products = ["gtx-9"], Tags = ["vip"], Segments = ["mid"] },
                ],
            },
        };
        var problems = SetupValidator.Validate(setup);
        Assert.Equal(
            ["rules.tags.segments[1].name", "rules.tags.segments", "rules.tags.custom[0].name", "rules.tags.custom[0].share",
             "rules.assignment[0]", "rules.assignment[1].region", "rules.assignment[1].team", "rules.assignment[2].team",
             "rules.assignment[2].campaigns[0]", "rules.assignment[2].segments[0]", "rules.assignment[2].products[0]", "rules.assignment[2].tags[0]"],
            problems.Select(p => p.Path));
        Assert.Contains("segment 'smb' is given more than once", problems[0].Message);
        Assert.Contains("shares must add up to 1 (they add up to 0.7)", problems[1].Message);
        Assert.Contains("must name a region or a team", problems[4].Message);
        Assert.Contains("unknown region 'east' (known: north, south)", problems[5].Message);
        Assert.Contains("team 'north-1' is in region 'north', not in 'south'", problems[7].Message);
        Assert.Contains("unknown campaign 'tv' (known: ads-1, blog, expo)", problems[8].Message);
    }

    [Fact]
    public void Tag_rules_need_an_organisation_to_route_to()
    {
        var setup = new SetupDocument { Rules = new RulesSetup { Assignment = [new TagRuleSetup { Region = "north" }] } };
        var problem = Assert.Single(SetupValidator.Validate(setup));
        Assert.Equal("rules.assignment[0]", problem.Path);
    }

    [Fact]
    public void Tags_and_tag_rules_read_write_diff_and_refuse_a_bad_channel_in_yaml()
    {
        var before = ValidSetup.Document();
        var yaml = """
            tags:
              segments:
                - name: smb
                  share: 0.7
                - name: enterprise
                  share: 0.3
              custom:
                - name: vip
                  share: 0.1
                  channels: [events]
            assignment:
              - segments: [enterprise]
                team: north-2
              - sources: [referral, events]
                region: south
            """;
        var after = SetupFormat.ReadPart(before, "rules", yaml, SetupFileFormat.Yaml);
        Assert.Empty(SetupValidator.Validate(after));
        Assert.Equal([Channel.Referral, Channel.Events], after.Rules.Assignment[1].Sources);
        Assert.Equal("north-2", after.Rules.Assignment[0].Team);
        // A download uploaded again is the same setup.
        var again = SetupFormat.Read(SetupFormat.Write(after, SetupFileFormat.Yaml), SetupFileFormat.Yaml);
        Assert.Empty(SetupDiff.Compare(after, again));
        Assert.Equal(["rules.tags.segments[smb]", "rules.tags.segments[enterprise]", "rules.tags.custom[vip]", "rules.assignment[0]", "rules.assignment[1]"],
            SetupDiff.Compare(before, after).Select(c => c.Path));
        var changed = after with { Rules = after.Rules with { Assignment = [after.Rules.Assignment[0] with { Team = "north-1" }, after.Rules.Assignment[1]] } };
        var change = Assert.Single(SetupDiff.Compare(after, changed));
        Assert.Equal(("rules.assignment[0].team", "\"north-2\"", "\"north-1\""), (change.Path, change.Before, change.After));

        var bad = Assert.Throws<InvalidSetupException>(() => SetupFormat.ReadPart(before, "rules", "assignment:\n  - sources: [fax]\n    region: north\n", SetupFileFormat.Yaml));
        Assert.StartsWith("rules.assignment[0].sources[0]", bad.Problems[0].Path);
    }
}
