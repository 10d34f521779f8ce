using Growth.Dashboard.Components.Setup;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Dashboard.Tests;

/// <summary>The Setup page's rules form: each edit gives a document the same validator checks as an upload, problems at the same paths.</summary>
public class RulesEditsTests
{
    static SetupDocument Company() => new()
    {
        Organisation = new OrganisationSetup
        {
            Regions =
            [
                new RegionSetup
                {
                    Id = "north", Name = "North",
                    Teams = [new TeamSetup { Id = "t1", Name = "Team 1", Leader = "Lee", Reps = [new RepSetup { Id = "a", Name = "Ann" }] }],
                },
            ],
        },
    };

    [Fact]
    public void Rules_edited_on_the_form_are_checked_at_the_paths_a_yaml_upload_reports()
    {
        var d = RulesEdits.Rules(Company(), r => r with { FirstContactDeadlineHours = 0 });
        d = RulesEdits.Grade(d, IntentGrade.B, g => g with { FollowUps = 99 });
        d = RulesEdits.AddTagRule(d);
        d = RulesEdits.TagRule(d, 0, r => r with { Sources = RulesEdits.Channels("events, Referral, fax"), Team = "t9" });
        Assert.Equal([Channel.Events, Channel.Referral], d.Rules.Assignment[0].Sources);
        Assert.Equal("north", d.Rules.Assignment[0].Region);
        var problems = SetupValidator.Validate(d).Select(p => p.Path).ToList();
        Assert.Equal(["rules.firstContactDeadlineHours", "rules.grades[1].followUps", "rules.assignment[0].team"], problems);

        // The same document through YAML: same problems, same paths.
        var yaml = SetupFormat.WritePart(d, "rules", SetupFileFormat.Yaml);
        Assert.Contains("sources: [events, referral]", yaml);
        var again = SetupFormat.ReadPart(Company(), "rules", yaml, SetupFileFormat.Yaml);
        Assert.Equal(problems, SetupValidator.Validate(again).Select(p => p.Path));

        var fixedUp = RulesEdits.TagRule(d, 0, r => r with { Team = "t1" });
        fixedUp = RulesEdits.Rules(RulesEdits.Grade(fixedUp, IntentGrade.B, g => g with { FollowUps = 5 }), r => r with { FirstContactDeadlineHours = 2 });
        Assert.Empty(SetupValidator.Validate(fixedUp));
        Assert.Empty(RulesEdits.RemoveTagRule(fixedUp, 0).Rules.Assignment);
        Assert.Equal(["a", "b"], RulesEdits.Names(" a, ,b "));
    }

    [Fact]
    public void The_long_run_fields_edit_rules_longRun_and_a_bad_value_is_named_by_its_field_in_both_languages()
    {
        var d = RulesEdits.LongRun(Company(), l => l with { Enabled = true, MarketAccountsPerRegion = 0, VacancyDays = -1, RepTenureYears = 2 });
        Assert.True(d.Rules.LongRun.Enabled);
        Assert.Equal(2, d.Rules.LongRun.RepTenureYears);
        var problems = SetupValidator.Validate(d);
        Assert.Equal(["rules.longRun.marketAccountsPerRegion", "rules.longRun.vacancyDays"], problems.Select(p => p.Path));

        // The same document through YAML: same problems, same paths.
        var yaml = SetupFormat.WritePart(d, "rules", SetupFileFormat.Yaml);
        Assert.Equal(problems.Select(p => p.Path), SetupValidator.Validate(SetupFormat.ReadPart(Company(), "rules", yaml, SetupFileFormat.Yaml)).Select(p => p.Path));
        // Each message has its Chinese (the form shows it under the field the path names).
        Assert.All(problems, p => Assert.NotNull(Growth.Dashboard.Localisation.Chinese.SetupProblemChinese.Translate(p.Message)));

        var fixedUp = RulesEdits.LongRun(d, l => l with { MarketAccountsPerRegion = 5000, VacancyDays = 30 });
        Assert.Empty(SetupValidator.Validate(fixedUp));
        Assert.Equal((5000.0, 30.0, 0.03), (fixedUp.Rules.LongRun.MarketAccountsPerRegion, fixedUp.Rules.LongRun.VacancyDays, fixedUp.Rules.LongRun.MarketGrowth));
    }
}
