using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Figures;

public class InsightTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A history where 100 leads a day enter and <paramref name="qualifiedShare"/>(day) of them qualify.</summary>
    static WorkspaceHistory History(int days, Func<int, double> qualifiedShare)
    {
        var history = new WorkspaceHistory();
        var figures = new WorkspaceFigures();
        double qualified = 0;
        for (var day = 0; day <= days; day++)
        {
            if (day > 0)
            {
                var t = new Tally();
                t[Tally.Entered(FunnelStage.Lead)] = 100;
                var before = (long)qualified;
                qualified += 100 * qualifiedShare(day);
                t[Tally.Entered(FunnelStage.QualifiedIntent)] = (long)qualified - before;
                figures.Apply(new TallyDelta(default, t));
            }
            history.Record(T0.AddDays(day), figures);
        }
        return history;
    }

    [Fact]
    public void A_real_drop_in_a_stage_is_flagged_with_when_it_began_and_becomes_the_bottleneck()
    {
        var tracker = new InsightTracker();
        var steady = History(40, _ => 0.4);
        var (before, _) = tracker.Evaluate(steady, T0.AddDays(40));
        Assert.DoesNotContain(before.Stages, s => s.Anomaly);

        var dropped = History(45, day => day > 40 ? 0.2 : 0.4);
        var (after, began) = tracker.Evaluate(dropped, T0.AddDays(45));
        var lead = after.Stages.Single(s => s.From == FunnelStage.Lead);
        Assert.True(lead.Anomaly);
        Assert.Equal(T0.AddDays(45), lead.Since);
        Assert.Equal(FunnelStage.Lead, Assert.Single(began).From);
        Assert.Equal(FunnelStage.Lead, after.Bottleneck);

        // Still anomalous a day later: the start stays where it was, and nothing "begins" again.
        var (later, beganLater) = tracker.Evaluate(History(46, day => day > 40 ? 0.2 : 0.4), T0.AddDays(46));
        Assert.Equal(T0.AddDays(45), later.Stages.Single(s => s.From == FunnelStage.Lead).Since);
        Assert.Empty(beganLater);
    }

    [Fact]
    public void A_small_drift_is_not_an_anomaly()
    {
        var (figures, began) = new InsightTracker().Evaluate(History(45, day => day > 40 ? 0.38 : 0.4), T0.AddDays(45));
        Assert.DoesNotContain(figures.Stages, s => s.Anomaly);
        Assert.Empty(began);
    }

    [Fact]
    public void History_keeps_its_span_when_it_fills_up()
    {
        var history = new WorkspaceHistory();
        var figures = new WorkspaceFigures();
        for (var day = 0; day < 2000; day++) history.Record(T0.AddDays(day), figures);
        Assert.True(history.Points.Count <= WorkspaceHistory.Capacity);
        Assert.Equal(T0, history.Points[0].AsOf);
        Assert.Equal(T0.AddDays(1999), history.Points[^1].AsOf);
        Assert.False(history.Record(T0.AddDays(1999.5), figures), "a point within the interval is not recorded");
    }
}

public class TargetsAndAgeingTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_projection_adds_the_recent_run_rate_for_the_days_left_in_the_quarter()
    {
        var history = new WorkspaceHistory();
        var figures = new WorkspaceFigures();
        for (var day = 0; day <= 30; day++)
        {
            var t = new Tally();
            if (day > 0) t[Money.Revenue] = 1000;   // 1,000 a day
            figures.Apply(new TallyDelta(default, t));
            history.Record(T0.AddDays(day), figures);
        }
        var p = TargetPeriods.Project(T0.AddDays(30), 100_000m, 30_000m, 0m, history);
        Assert.Equal(T0, p.Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), p.End);
        Assert.Equal(30_000m, p.Revenue);
        Assert.Equal(30_000m + 1000m * 60, p.Projection);   // 60 days left in Q1 2026 after Jan 31
        Assert.Equal(0.3, p.Attainment, 9);
        Assert.Equal(0.9, p.ProjectedAttainment, 9);
    }

    [Fact]
    public void Receivables_age_by_the_day_they_went_overdue()
    {
        var script = new EventScript("j", T0);
        var s = JourneyTransitions.ApplyAll(new JourneyState { Id = "j" }, script.ToWonOrder(1000)).State;
        s = JourneyTransitions.Apply(s, script.Next(EventKind.PaymentDue, 0, e => e with { Amount = 1000 })).State;
        s = JourneyTransitions.Apply(s, script.Next(EventKind.PaymentOverdue, 30, e => e with { Amount = 400 })).State;
        var overdueSince = s.OverdueSince!.Value;
        var t = Tally.Of(s);

        Assert.Equal(new AgeingFigures(600, 400, 0, 0, 0), SnapshotBuilder.Ageing(t, overdueSince.AddDays(10)));
        Assert.Equal(new AgeingFigures(600, 0, 400, 0, 0), SnapshotBuilder.Ageing(t, overdueSince.AddDays(45)));
        Assert.Equal(new AgeingFigures(600, 0, 0, 0, 400), SnapshotBuilder.Ageing(t, overdueSince.AddDays(120)));

        var paid = JourneyTransitions.Apply(s, script.Next(EventKind.PaymentReceived, 1, e => e with { Amount = 400 })).State;
        Assert.Null(paid.OverdueSince);
        Assert.Empty(Tally.Of(paid).OverdueByDay);
    }

    [Fact]
    public void A_closed_deal_is_reported_once_as_won_or_lost()
    {
        var script = new EventScript("j", T0);
        var events = script.ToWonOrder(2500);
        var open = JourneyTransitions.ApplyAll(new JourneyState { Id = "j" }, events.Take(events.Count - 2)).State;
        var won = JourneyTransitions.ApplyAll(open, events.Skip(events.Count - 2)).State;
        var outcome = DealOutcome.Of(open, won);
        Assert.NotNull(outcome);
        Assert.True(outcome.Won);
        Assert.Equal(2500m, outcome.Amount);
        Assert.Null(DealOutcome.Of(won, won));
    }

    [Fact]
    public void A_deal_opened_and_closed_in_one_change_is_reported_and_a_lead_disqualified_is_not()
    {
        var script = new EventScript("j", T0);
        var events = script.ToWonOrder(2500);
        var fresh = new JourneyState { Id = "j" };
        var won = JourneyTransitions.ApplyAll(fresh, events).State;
        var outcome = DealOutcome.Of(fresh, won);
        Assert.NotNull(outcome);
        Assert.True(outcome.Won);
        Assert.Equal(2500m, outcome.Amount);

        var lost = new EventScript("k", T0);
        var lostEvents = lost.ToWonOrder(1000).SkipLast(2).Append(lost.Next(EventKind.Lost, 1)).ToList();
        var lostState = JourneyTransitions.ApplyAll(new JourneyState { Id = "k" }, lostEvents).State;
        Assert.False(DealOutcome.Of(new JourneyState { Id = "k" }, lostState)!.Won);

        var d = new EventScript("d", T0);
        var disqualified = JourneyTransitions.ApplyAll(new JourneyState { Id = "d" }, [d.Next(EventKind.LeadCreated, 0), d.Next(EventKind.Disqualified, 1)]).State;
        Assert.Null(DealOutcome.Of(new JourneyState { Id = "d" }, disqualified));
    }
}
