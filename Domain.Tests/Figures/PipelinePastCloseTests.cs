using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Tests.Figures;

/// <summary>
/// An open deal that has passed every step up to Close (in its contract stage) is shown under Close on the pipeline,
/// not under Opening; tallies stored before the <see cref="Count.OpenPastClose"/> slot existed still read and add up.
/// </summary>
public class PipelinePastCloseTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    static JourneyState Deal(string id, ConversationStep? passed) => new()
    {
        Id = id, Status = JourneyStatus.Prospect, Stage = passed == ConversationStep.Close ? FunnelStage.Contract : FunnelStage.Opportunity,
        RegionId = "r", TeamId = "t", RepId = "rep", CreatedAt = T0, AssignedAt = T0, QualifiedAt = T0, OpportunityAt = T0,
        OpportunityValue = 100, LastStep = passed, StepAt = T0,
    };

    static WorkspaceSnapshot Snapshot(WorkspaceFigures figures) => SnapshotBuilder.Build("ws", T0.AddDays(1), 1, figures, new Organisation
    {
        Regions = [new RegionProfile { Id = "r", Name = "Region", TeamIds = ["t"] }],
        Teams = [new TeamProfile { Id = "t", Name = "Team", RegionId = "r", LeaderName = "Lead", Reps = [] }],
    });

    static long Bar(WorkspaceSnapshot s, ConversationStep step) => s.Pipeline.Single(p => p.Step == step).Count;

    [Fact]
    public void A_deal_open_past_close_is_shown_under_close_and_a_new_one_under_opening()
    {
        var figures = new WorkspaceFigures();
        foreach (var s in new[] { Deal("new", null), Deal("objection", ConversationStep.TrialClose), Deal("contract", ConversationStep.Close) })
            figures.Apply(new TallyDelta(GroupKey.Of(s), Tally.Of(s)));
        var snapshot = Snapshot(figures);
        Assert.Equal((1L, 1L, 1L), (Bar(snapshot, ConversationStep.Opening), Bar(snapshot, ConversationStep.ObjectionHandling), Bar(snapshot, ConversationStep.Close)));
        Assert.Equal(3, snapshot.Pipeline.Sum(p => p.Count));
        Assert.Equal([1L, 0, 0, 0, 1, 1], snapshot.Teams.Single().OpenByStep);
        Assert.Equal(ConversationStep.Close, Tally.PipelineStep(ConversationStep.Close));
        Assert.Equal(ConversationStep.Opening, Tally.PipelineStep(null));
    }

    [Fact]
    public void The_stored_slot_still_counts_it_under_opening_so_a_journey_leaving_it_nets_to_zero()
    {
        var deal = Deal("contract", ConversationStep.Close);
        var stored = Tally.Of(deal);
        Assert.Equal((1L, 1L, 0L), (stored[Count.OpenAtOpening], stored[Count.OpenPastClose], stored[Count.OpenAtClose]));
        // The deal is won: the journey's change, after minus before, leaves every open slot at zero.
        var won = deal with { Status = JourneyStatus.Customer, Won = true, WonValue = 100, ClosedAt = T0.AddDays(1) };
        var sum = stored.Clone();
        sum.Add(Tally.Difference(Tally.Of(won), stored));
        Assert.True(Enum.GetValues<ConversationStep>().All(s => sum[Tally.OpenAt(s)] == 0) && sum[Count.OpenPastClose] == 0);
    }

    [Fact]
    public void A_tally_stored_before_the_slot_existed_reads_as_it_did()
    {
        // A stored sum of one deal past Close, from before the slot: it was counted under Opening, and still is (never below zero).
        var old = new Tally { Counts = new long[(int)Count.OpenPastClose] };
        old[Count.OpenAtOpening] = 1;
        var figures = new WorkspaceFigures();
        figures.Apply(new TallyDelta(new GroupKey("r", "t", "rep", null), old));
        var snapshot = Snapshot(figures);
        Assert.Equal((1L, 0L), (Bar(snapshot, ConversationStep.Opening), Bar(snapshot, ConversationStep.Close)));
    }
}
