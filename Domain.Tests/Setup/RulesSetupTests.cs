using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Setup;

/// <summary>The operating rules part: defaults that run, problems that name their path, a file round trip, a diff, a compile.</summary>
public class RulesSetupTests
{
    [Fact]
    public void An_empty_setup_runs_on_the_default_rules()
    {
        var setup = new SetupDocument();
        Assert.Empty(SetupValidator.Validate(setup));
        var rules = SetupCompiler.Parameters(setup, BehaviourParameters.Default).Rules;
        Assert.Equal(24, rules.FirstContactDeadlineHours);
        Assert.Equal(0, rules.UnansweredFollowUps);
        Assert.Equal([IntentGrade.A, IntentGrade.B, IntentGrade.C, IntentGrade.D], rules.Grades.Select(g => g.Grade));
        // A 24-hour deadline leaves the default 6-hour mean contact as it was.
        Assert.Equal(6, Behaviour.MeanHoursToContact(BehaviourParameters.Default, 0.5, 0, 40));
    }

    [Fact]
    public void Bad_rules_are_refused_with_problems_naming_their_paths()
    {
        var setup = new SetupDocument
        {
            Rules = new RulesSetup
            {
                FirstContactDeadlineHours = 0, UnansweredFollowUps = -1, MaxReturns = 11, InFlightDeals = -1,
                Grades = [new GradeRuleSetup { Grade = IntentGrade.A }, new GradeRuleSetup { Grade = IntentGrade.A, FollowUpDays = -2 }],
            },
        };
        var problems = SetupValidator.Validate(setup);
        Assert.Equal(["rules.firstContactDeadlineHours", "rules.unansweredFollowUps", "rules.maxReturns", "rules.inFlightDeals", "rules.grades[1].grade", "rules.grades[1].followUpDays"],
            problems.Select(p => p.Path));
        Assert.Contains("must be more than 0 and at most 720 hours (was 0)", problems[0].Message);
        Assert.Contains("must be between 0 and 100000 (was -1)", problems[3].Message);
        Assert.Contains("grade A is given more than once", problems[4].Message);
    }

    [Fact]
    public void The_rules_part_reads_writes_diffs_and_compiles()
    {
        var before = new SetupDocument();
        var after = SetupFormat.ReadPart(before, "rules", "firstContactDeadlineHours: 1\nunansweredFollowUps: 3\n", SetupFileFormat.Yaml);
        Assert.Equal(1, after.Rules.FirstContactDeadlineHours);
        Assert.Equal(4, after.Rules.Grades.Count);
        Assert.Contains("unansweredFollowUps: 3", SetupFormat.WritePart(after, "rules", SetupFileFormat.Yaml));
        Assert.Equal(["rules.firstContactDeadlineHours", "rules.unansweredFollowUps"], SetupDiff.Compare(before, after).Select(c => c.Path));
        var bad = Assert.Throws<InvalidSetupException>(() => SetupFormat.ReadPart(before, "rules", "grades:\n  - grade: e\n", SetupFileFormat.Yaml));
        Assert.StartsWith("rules.grades[0].grade", bad.Problems[0].Path);
        // Reps pace their first contact to half of a 1-hour deadline.
        var p = SetupCompiler.Parameters(after, BehaviourParameters.Default);
        Assert.Equal(0.5, Behaviour.MeanHoursToContact(p, 0.5, 0, 40));
    }

    [Fact]
    public void Bad_contract_and_collection_rules_name_their_paths_and_good_ones_compile()
    {
        var bad = new SetupDocument
        {
            Rules = new RulesSetup
            {
                Contract = new ContractRulesSetup { Enabled = true, DraftDays = -1, ApprovalHours = 1000, RefusalShare = 1.5 },
                Collections = new CollectionRulesSetup { Instalments = 0, InstalmentDays = 0, ReminderDays = [10, 5], WriteOffDays = 8, RefundShareOnChurn = -0.1 },
            },
        };
        var problems = SetupValidator.Validate(bad);
        Assert.Equal(
            ["rules.contract.draftDays", "rules.contract.approvalHours", "rules.contract.refusalShare", "rules.collections.instalments",
             "rules.collections.instalmentDays", "rules.collections.reminderDays[1]", "rules.collections.writeOffDays", "rules.collections.refundShareOnChurn"],
            problems.Select(p => p.Path));
        Assert.Contains("each after the one before (was 5)", problems[5].Message);
        Assert.Contains("must come after the last reminder (10 days past due; was 8)", problems[6].Message);

        var text = "contract:\n  enabled: true\n  approvalHours: 24\ncollections:\n  instalments: 3\n  reminderDays: [7, 21]\n  writeOffDays: 60\n";
        var good = SetupFormat.ReadPart(new SetupDocument { Catalogue = new CatalogueSetup { Discounts = new DiscountSetup { RepLimit = 0.05 } } }, "rules", text, SetupFileFormat.Yaml);
        Assert.Empty(SetupValidator.Validate(good));
        Assert.Equal(["rules.contract.enabled", "rules.contract.approvalHours", "rules.collections.instalments", "rules.collections.reminderDays", "rules.collections.writeOffDays"],
            SetupDiff.Compare(new SetupDocument(), good with { Catalogue = new CatalogueSetup() }).Select(c => c.Path));
        var rules = SetupCompiler.Parameters(good, BehaviourParameters.Default).Rules;
        Assert.Equal(new ContractRules(2, 24, 0.2, 0.05, 0.25), rules.Contract);
        Assert.Equal((3, 30, 60), (rules.Collections.Instalments, rules.Collections.InstalmentDays, rules.Collections.WriteOffDays));
        Assert.Equal([7, 21], rules.Collections.ReminderDays);
        // Off by default: no contract stage, one invoice.
        Assert.Null(SetupCompiler.Parameters(new SetupDocument(), BehaviourParameters.Default).Rules.Contract);
        var unknown = Assert.Throws<InvalidSetupException>(() => SetupFormat.ReadPart(new SetupDocument(), "rules", "contract:\n  approvalHour: 3\n", SetupFileFormat.Yaml));
        Assert.StartsWith("rules.contract.approvalHour", unknown.Problems[0].Path);
    }
}
