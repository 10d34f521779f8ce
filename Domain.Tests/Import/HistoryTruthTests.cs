using Growth.Domain.Figures;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using static Growth.Domain.Tests.Import.SmallExport;

namespace Growth.Domain.Tests.Import;

/// <summary>
/// An imported history's figures say what the file says and no more: a win without a value is a win of unknown
/// value, every open row is an open deal, a loss without a step is at an unknown step, and first-contact time that
/// the file does not have is unknown, not zero.
/// </summary>
public sealed class HistoryTruthTests
{
    static WorkspaceSnapshot SnapshotOf(CrmImportResult result)
    {
        var figures = new WorkspaceFigures();
        foreach (var journey in result.Journeys)
        {
            var state = Apply(journey);
            figures.Apply(new TallyDelta(GroupKey.Of(state), Tally.Of(state)));
        }
        return SnapshotBuilder.Build("history", Utc(2017, 12, 31), 1, figures, result.Organisation);
    }

    static readonly CrmImportResult Small = ImportRows(
        "A1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/11/2017,1000",
        "A2,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/21/2017,",
        "A3,Violet Mclelland,GTX Basic,Acme,Won,3/1/2017,3/5/2017,0",
        "L1,Anna Snelling,GTX Pro,Acme,Lost,3/1/2017,4/1/2017,0",
        "E1,Violet Mclelland,GTX Basic,Acme,Engaging,4/2/2017,,",
        "P1,Anna Snelling,GTX Basic,,Prospecting,,,");

    [Fact]
    public void A_win_without_a_value_is_imported_as_won_with_an_unknown_value_and_reported()
    {
        Assert.Empty(Small.Report.Rejected);
        Assert.Equal(6, Small.Report.Imported);
        Assert.Equal([new ImportIssue(3, "A2", ImportReasons.WonWithoutValue, "close_value ''"), new ImportIssue(4, "A3", ImportReasons.WonWithoutValue, "close_value '0'")],
            Small.Report.FixedUp.Where(i => i.Reason == ImportReasons.WonWithoutValue));
        var a2 = Apply(Small.Journeys.Single(j => j.Id == "A2"));
        Assert.Equal((true, 0m, 0, 0m), (a2.Won, a2.WonValue, a2.Orders, a2.OrderValue));

        var deals = SnapshotOf(Small).Deals;
        // Three wins (one valued), one loss: 75 % win rate; the average is the valued win's value, not 1000 / 3.
        Assert.Equal((3L, 1L, 2L, 0.75, 1000m, 1000m, 2L),
            (deals.Won, deals.Lost, deals.Open, deals.WinRate, deals.WonValue, deals.AverageWonValue, deals.WonValueUnknown));
        // Days to close are known for every win: (10 + 20 + 4) / 3.
        Assert.Equal(34.0 / 3, deals.AverageDaysToClose, 9);
        Assert.Equal((1000m, 1L), (SnapshotOf(Small).Revenue.Total, SnapshotOf(Small).Revenue.Orders));
    }

    [Fact]
    public void Figures_per_rep_keep_unknown_values_out_of_the_average()
    {
        var reps = SnapshotOf(Small).Reps.ToDictionary(r => r.Name);
        var anna = reps["Anna Snelling"];
        Assert.Equal((2L, 1L, 1L, 2.0 / 3, 1000m, 1000m, 1L), (anna.Won, anna.Lost, anna.Open, anna.WinRate, anna.WonValue, anna.AverageWonValue, anna.WonValueUnknown));
        var violet = reps["Violet Mclelland"];
        // Her one win has no value: no average to give, rather than an average of 0 pretending to be one.
        Assert.Equal((1L, 0L, 1L, 1.0, 0m, 0m, 1L), (violet.Won, violet.Lost, violet.Open, violet.WinRate, violet.WonValue, violet.AverageWonValue, violet.WonValueUnknown));
    }

    [Fact]
    public void Every_open_row_is_an_open_deal_prospects_included()
    {
        var p1 = Apply(Small.Journeys.Single(j => j.Id == "P1"));
        Assert.True(p1.HasOpenOpportunity);
        Assert.Equal(550m, p1.OpportunityValue);
        Assert.Equal(2, SnapshotOf(Small).Deals.Open);
    }

    [Fact]
    public void A_loss_without_a_step_in_the_export_is_at_an_unknown_step_not_at_opening()
    {
        var l1 = Apply(Small.Journeys.Single(j => j.Id == "L1"));
        Assert.Null(l1.LostStep);
        Assert.Equal(JourneyScript.LostReason, l1.LostReason);
        var snapshot = SnapshotOf(Small);
        Assert.Equal(1, snapshot.Losses.StepUnknown);
        Assert.All(snapshot.Losses.ByStep, s => Assert.Equal(0, s.Count));
        Assert.Equal(1, snapshot.Reps.Single(r => r.Name == "Anna Snelling").LostStepUnknown);
    }

    [Fact]
    public void First_contact_time_the_export_does_not_have_is_unknown_not_zero()
    {
        var snapshot = SnapshotOf(Small);
        Assert.Null(snapshot.AverageHoursToFirstContact);
        Assert.All(snapshot.Reps, r => Assert.Null(r.AverageHoursToFirstContact));
    }
}

/// <summary>The event language's side of it, for every source (imports and the ingestion API alike).</summary>
public sealed class UnknownOutcomeEventTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    static JourneyState Open(params JourneyEvent[] more) => JourneyTransitions.ApplyAll(new JourneyState { Id = "j" },
    [
        new JourneyEvent { Id = "c", Kind = EventKind.LeadCreated, At = T0 },
        new JourneyEvent { Id = "q", Kind = EventKind.Qualified, At = T0 },
        new JourneyEvent { Id = "o", Kind = EventKind.OpportunityOpened, At = T0, Amount = 100 },
        .. more,
    ]).State;

    [Fact]
    public void A_win_of_amount_zero_is_won_with_an_unknown_value_and_orders_still_need_a_value()
    {
        var won = Open(new JourneyEvent { Id = "w", Kind = EventKind.Won, At = T0.AddDays(3) });
        Assert.Equal((JourneyStatus.Customer, true, 0m), (won.Status, won.Won, won.WonValue));
        var tally = Tally.Of(won);
        Assert.Equal((1L, 1L), (tally[Count.Won], tally[Count.WonValueUnknown]));
        Assert.False(JourneyTransitions.Apply(won, new JourneyEvent { Id = "x", Kind = EventKind.OrderSigned, At = T0.AddDays(3) }).Accepted);
    }

    [Fact]
    public void A_loss_without_a_step_is_at_the_next_step_after_one_passed_and_unknown_before_any()
    {
        var unknown = Open(new JourneyEvent { Id = "l", Kind = EventKind.Lost, At = T0.AddDays(1) });
        Assert.Null(unknown.LostStep);
        Assert.Equal(1, Tally.Of(unknown)[Count.LostAtUnknownStep]);
        var afterRapport = Open(
            new JourneyEvent { Id = "s", Kind = EventKind.StepPassed, At = T0.AddDays(1), Step = ConversationStep.Rapport },
            new JourneyEvent { Id = "l", Kind = EventKind.Lost, At = T0.AddDays(2) });
        Assert.Equal(ConversationStep.Topic, afterRapport.LostStep);
        Assert.Equal(0, Tally.Of(afterRapport)[Count.LostAtUnknownStep]);
    }

    [Fact]
    public void A_tally_stored_before_the_new_slots_existed_still_reads_and_adds()
    {
        var old = new Tally { Counts = new long[(int)Count.WonValueUnknown] };
        old[Count.Won] = 2;
        var sum = new Tally();
        sum.Add(old);
        Assert.Equal((2L, 0L), (sum[Count.Won], sum[Count.LostAtUnknownStep]));
    }
}
