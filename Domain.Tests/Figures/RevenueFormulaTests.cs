using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.TestSupport;

namespace Growth.Domain.Tests.Figures;

public class RevenueFormulaTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Factors_multiply_back_to_revenue_and_each_is_computed_from_journeys()
    {
        var figures = new WorkspaceFigures();
        void Add(JourneyState s) => figures.Apply(new TallyDelta(GroupKey.Of(s), Tally.Of(s)));

        // Two won new customers, one with a repurchase; one lost opportunity; one junk lead; one existing customer who repurchased.
        var a = new EventScript("a", T0);
        var wonA = a.ToWonOrder(4000);
        wonA.Add(a.Next(EventKind.Repurchased, 10, e => e with { Amount = 1000 }));
        Add(JourneyTransitions.ApplyAll(new JourneyState { Id = "a" }, wonA).State);
        var b = new EventScript("b", T0);
        Add(JourneyTransitions.ApplyAll(new JourneyState { Id = "b" }, b.ToWonOrder(3000)).State);
        var c = new EventScript("c", T0);
        var lost = c.ToWonOrder(2000).Take(6).ToList();
        lost.Add(c.Next(EventKind.Lost, 1, e => e with { Step = ConversationStep.Opening, Reason = "no trust" }));
        Add(JourneyTransitions.ApplyAll(new JourneyState { Id = "c" }, lost).State);
        var d = new EventScript("d", T0);
        Add(JourneyTransitions.ApplyAll(new JourneyState { Id = "d" }, [d.Next(EventKind.LeadCreated, 0), d.Next(EventKind.Disqualified, 1)]).State);
        var e = new EventScript("e", T0);
        Add(JourneyTransitions.ApplyAll(new JourneyState { Id = "e" },
            [e.Next(EventKind.CustomerOnboarded, 0), e.Next(EventKind.Repurchased, 5, x => x with { Amount = 2000 })]).State);

        var r = RevenueFormula.From(figures.Total);

        Assert.Equal(10_000m, r.Total);
        Assert.Equal(3, r.EffectiveLeads);                 // a, b, c were qualified; d was junk
        Assert.Equal(2.0 / 3, r.LeadConversion, 12);        // a and b became customers
        Assert.Equal(1, r.ExistingCustomers);
        Assert.Equal(3, r.Customers);
        Assert.Equal(4, r.Orders);
        Assert.Equal(2, r.Repurchases);
        Assert.Equal(4.0 / 3, r.RepurchaseCount, 12);
        Assert.Equal(2500m, r.AverageOrderValue);
        Assert.Equal(r.Total, Math.Round(RevenueFormula.Recompose(r), 2));

        var deals = SnapshotBuilder.Deals(figures.Total);
        Assert.Equal((2L, 1L, 0L), (deals.Won, deals.Lost, deals.Open));
        Assert.Equal(2.0 / 3, deals.WinRate, 12);
        Assert.Equal(7000m, deals.WonValue);
        Assert.Equal(3500m, deals.AverageWonValue);
    }

    [Fact]
    public void A_journey_s_delta_moves_its_figures_from_one_stage_to_the_next()
    {
        var script = new EventScript("a", T0);
        var events = script.ToWonOrder(1000);
        var before = JourneyTransitions.ApplyAll(new JourneyState { Id = "a" }, events.Take(5)).State;
        var after = JourneyTransitions.ApplyAll(before, events.Skip(5)).State;
        var figures = new WorkspaceFigures();
        figures.Apply(new TallyDelta(GroupKey.Of(before), Tally.Of(before)));
        Assert.Equal(1, figures.Total[Tally.Current(FunnelStage.FollowUp)]);

        figures.Apply(new TallyDelta(GroupKey.Of(after), Tally.Difference(Tally.Of(after), Tally.Of(before))));

        Assert.Equal(0, figures.Total[Tally.Current(FunnelStage.FollowUp)]);
        Assert.Equal(1, figures.Total[Tally.Current(FunnelStage.Contract)]);
        Assert.Equal(1, figures.Total[Tally.Entered(FunnelStage.Opportunity)]);
        Assert.Equal(1, figures.Teams["team-1-1"][Count.Won]);
    }
}
