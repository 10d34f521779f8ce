using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Journeys;

/// <summary>The retention rule: which journeys it archives and when, set from the setup, and what it keeps of their figures.</summary>
public class ArchivingRuleTests
{
    static readonly DateTimeOffset T = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    static CustomerRecord Row(JourneyStatus status, DateTimeOffset? closed, DateTimeOffset? last) =>
        new() { JourneyId = "j", Status = status, ClosedAt = closed, LastActivityAt = last, CreatedAt = T.AddDays(-100) };

    [Fact]
    public void Only_lost_disqualified_and_churned_journeys_with_nothing_due_are_archived_once_closed_longer_than_the_retention()
    {
        var lost = Row(JourneyStatus.Lost, T, T.AddDays(-3));
        Assert.Equal(T, Archiving.ClosedAt(lost));
        Assert.False(Archiving.Archivable(lost, nothingDue: true, T.AddDays(30).AddTicks(-1), 30));
        Assert.True(Archiving.Archivable(lost, nothingDue: true, T.AddDays(30), 30));
        // Something still due, the rule off, or the journey open or a customer: kept.
        Assert.False(Archiving.Archivable(lost, nothingDue: false, T.AddDays(400), 30));
        Assert.False(Archiving.Archivable(lost, nothingDue: true, T.AddDays(400), 0));
        Assert.False(Archiving.Archivable(Row(JourneyStatus.Prospect, null, T), true, T.AddDays(400), 30));
        Assert.False(Archiving.Archivable(Row(JourneyStatus.Customer, T, T), true, T.AddDays(400), 30));
        // Activity after the closing (a churned customer's refund) counts from the later date.
        var churned = Row(JourneyStatus.Churned, T.AddDays(-200), T);
        Assert.Equal(T, Archiving.ClosedAt(churned));
        Assert.False(Archiving.Archivable(churned, true, T.AddDays(20), 30));
        Assert.True(Archiving.Archivable(churned, true, T.AddDays(31), 30));
        // A disqualified lead without a closing date counts from its last activity.
        Assert.Equal(T, Archiving.ClosedAt(Row(JourneyStatus.Disqualified, null, T)));
    }

    [Fact]
    public void The_retention_comes_from_the_setup_defaults_to_365_days_and_a_bad_one_is_refused_with_its_path()
    {
        Assert.Equal(365, SetupCompiler.Parameters(new SetupDocument(), BehaviourParameters.Default).Rules.ArchiveClosedAfterDays);
        Assert.Equal(365, BehaviourParameters.Default.Rules.ArchiveClosedAfterDays);
        var set = new SetupDocument { Rules = new RulesSetup { ArchiveClosedAfterDays = 90 } };
        Assert.Equal(90, SetupCompiler.Parameters(set, BehaviourParameters.Default).Rules.ArchiveClosedAfterDays);
        var read = SetupFormat.ReadPart(new SetupDocument(), "rules", "archiveClosedAfterDays: 0\n", SetupFileFormat.Yaml);
        Assert.Equal(0, read.Rules.ArchiveClosedAfterDays);
        var problems = SetupValidator.Validate(new SetupDocument { Rules = new RulesSetup { ArchiveClosedAfterDays = -1 } });
        var problem = Assert.Single(problems);
        Assert.Equal("rules.archiveClosedAfterDays", problem.Path);
        Assert.Contains("must be between 0 and 36600 days (was -1)", problem.Message);
        // Shown in the assumption catalogue with its value, unit and source.
        var entry = Assert.Single(AssumptionCatalogue.Of(SetupCompiler.Parameters(set, BehaviourParameters.Default)), a => a.Key == "rules.archiveClosedAfterDays");
        Assert.Equal(("90", "days"), (entry.Value, entry.Unit));
        Assert.Contains("assumed 365", entry.Source);
    }

    [Fact]
    public void Archived_totals_keep_each_journeys_final_tally_by_group()
    {
        var a = new JourneyState { Id = "a", Status = JourneyStatus.Lost, RegionId = "g", TeamId = "t", RepId = "r", CreatedAt = T, OpportunityAt = T, ClosedAt = T };
        var b = a with { Id = "b", Status = JourneyStatus.Disqualified, OpportunityAt = null };
        var totals = new ArchivedTotals();
        totals.Add(a);
        totals.Add(b);
        var expected = new Tally();
        expected.Add(Tally.Of(a));
        expected.Add(Tally.Of(b));
        var delta = Assert.Single(totals.Deltas());
        Assert.Equal(GroupKey.Of(a), delta.Key);
        Assert.Equal(expected.Counts, delta.Change.Counts);
        Assert.Equal(expected.Amounts, delta.Change.Amounts);
        // Copies: changing what was handed out leaves the totals as they were; read back as stored, the same.
        delta.Change.Add(Tally.Of(a));
        Assert.Equal(expected.Counts, totals.Deltas()[0].Change.Counts);
        Assert.Equal(expected.Counts, ArchivedTotals.Of(totals.Deltas()).Deltas()[0].Change.Counts);
    }
}
