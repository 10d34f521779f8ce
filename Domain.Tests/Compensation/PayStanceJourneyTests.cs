using Growth.Domain.Compensation;
using Growth.Domain.Journeys;
using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Domain.Tests.Projection;
using Growth.TestSupport;
using Xunit.Abstractions;

namespace Growth.Domain.Tests.Compensation;

/// <summary>
/// The plan response in the simulated journeys: a rep's pay stance pulls conversation steps into the period, holds
/// closing deals back past a cap and discounts deals closed near a tier, each for direction and size, on the default
/// behaviour model and on the Maven-calibrated one (won values fitted, contact decay off).
/// </summary>
public class PayStanceJourneyTests(ITestOutputHelper output)
{
    static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    /// <summary>The rep's measurement period ends five weeks after the first leads: their conversations cross it.</summary>
    static readonly DateTimeOffset PeriodEnd = T0.AddDays(35);
    static readonly DateTimeOffset Horizon = T0.AddDays(150);
    /// <summary>The pull-in window: the period's last three weeks (<see cref="PlanResponseParameters.PullInWindow"/> of a quarter).</summary>
    static readonly DateTimeOffset Window = PeriodEnd.AddDays(-21);
    const int Leads = 4000;
    static readonly Lazy<Wins> Before = new(() => Run(BehaviourParameters.Default, null));

    sealed record Wins(List<(DateTimeOffset At, decimal Amount)> All)
    {
        public int Before(DateTimeOffset at) => All.Count(w => w.At < at);
        public int Between(DateTimeOffset from, DateTimeOffset to) => All.Count(w => w.At >= from && w.At < to);
        public decimal Value => All.Sum(w => w.Amount);
    }

    /// <summary>A stance whose pull-ins reach the deals due within the pull-in horizon (<see cref="PlanResponseParameters.PullInDays"/>) after the period's end.</summary>
    static PayStance Stance(double pullIn, double holdBack, double discount, DateTimeOffset end) =>
        new(pullIn, holdBack, discount, end, end.AddDays(PlanResponseParameters.Default.PullInDays));

    /// <summary>
    /// Effective leads spread over the first four weeks, all with one rep, advanced to the horizon; the stance is in force
    /// from <paramref name="from"/> (the pull-in window: the last three weeks of the period), or from the start.
    /// </summary>
    static Wins Run(BehaviourParameters p, PayStance? stance, string repId = "rep-1", DateTimeOffset? from = null)
    {
        var stances = stance is null ? null : new PayStances { ByRep = { [repId] = stance } };
        var (before, planner) = (new JourneyPlanner(p), new JourneyPlanner(p, stances));
        var wins = new List<(DateTimeOffset, decimal)>();
        for (var i = 0; i < Leads; i++)
        {
            var start = new JourneyStart
            {
                JourneyId = $"j{i}", At = T0.AddHours(i * 28.0 * 24 / Leads), Channel = Channel.Events,
                Persona = new LeadPersona(true, 0.9, 8000, (ulong)(1000 + i)),
                Rep = new RepAssignment("region-1", "team-1", "rep-1", Enumerable.Repeat(0.8, 6).ToArray(), 0.7, 5, 40),
            };
            var (first, plan) = (from is null ? planner : before).Start(start);
            var early = before.AdvanceTo(first.State, plan, from ?? T0);
            var rest = planner.AdvanceTo(early.State, plan, Horizon);
            foreach (var e in first.Events.Concat(early.Events).Concat(rest.Events))
                if (e.Kind == EventKind.Won) wins.Add((e.At, e.Amount));
        }
        return new Wins(wins);
    }

    [Fact]
    public void Without_a_stance_for_the_journey_s_rep_every_journey_runs_exactly_as_before()
    {
        var before = Before.Value;
        var other = Run(BehaviourParameters.Default, Stance(0.15, 0.5, 0.05, PeriodEnd), repId: "rep-2");
        Assert.Equal(before.All, other.All);
        Assert.True(before.All.Count > 100, $"the sample must win deals to measure anything (won {before.All.Count})");
    }

    [Fact]
    public void A_rep_past_the_cap_holds_half_the_deals_closing_before_the_period_s_end_to_the_next_period()
    {
        var share = PlanResponseParameters.Default.HoldBackShare;
        var before = Before.Value;
        var held = Run(BehaviourParameters.Default, Stance(0, share, 0, PeriodEnd));
        var ratio = (double)held.Before(PeriodEnd) / before.Before(PeriodEnd);
        output.WriteLine($"wins before the end {before.Before(PeriodEnd)} -> {held.Before(PeriodEnd)} ({ratio:P1}); first day after {before.Between(PeriodEnd, PeriodEnd.AddDays(1))} -> {held.Between(PeriodEnd, PeriodEnd.AddDays(1))}; all {before.All.Count} -> {held.All.Count}");
        // Each closing step before the end is held with chance 0.5, so about half the wins stay in the period.
        Assert.InRange(ratio, share - 0.08, share + 0.08);
        // The held deals close in the next period's first hours, and no deal is lost by holding it (±8 % sampling noise).
        Assert.True(held.Between(PeriodEnd, PeriodEnd.AddDays(1)) >= 0.3 * before.Before(PeriodEnd));
        Assert.InRange((double)held.All.Count / before.All.Count, 0.92, 1.08);
    }

    [Fact]
    public void A_rep_just_below_a_higher_tier_pulls_next_period_s_deals_in()
    {
        var share = PlanResponseParameters.Default.PullInShare;
        var before = Before.Value;
        var pulled = Run(BehaviourParameters.Default, Stance(share, 0, 0, PeriodEnd), from: Window);
        var (inPeriod, inPeriodPulled) = (before.Before(PeriodEnd), pulled.Before(PeriodEnd));
        var (next, nextPulled) = (before.Between(PeriodEnd, PeriodEnd.AddDays(28)), pulled.Between(PeriodEnd, PeriodEnd.AddDays(28)));
        output.WriteLine($"wins before the end {inPeriod} -> {inPeriodPulled}; in the next four weeks {next} -> {nextPulled}; all {before.All.Count} -> {pulled.All.Count}");
        // More wins in the period, fewer in the next one, about as many over the horizon.
        Assert.True(inPeriodPulled >= inPeriod * 1.05, $"pull-ins must add at least 5 % to the period's wins ({inPeriod} -> {inPeriodPulled})");
        // Only deals due within the pull-in horizon after the end move, each with the stance's chance (±50 % sampling noise).
        var due = before.Between(PeriodEnd, PeriodEnd.AddDays(PlanResponseParameters.Default.PullInDays));
        Assert.True(inPeriodPulled - inPeriod <= share * due * 1.5, $"at most {share:P0} of the {due} deals due within the horizon ({inPeriod} -> {inPeriodPulled})");
        Assert.True(nextPulled < next, $"the next period must lose deals ({next} -> {nextPulled})");
        Assert.InRange((double)pulled.All.Count / before.All.Count, 0.92, 1.08);
    }

    [Fact]
    public void A_rep_closing_near_a_tier_discounts_every_deal_by_the_stance_s_discount()
    {
        var discount = PlanResponseParameters.Default.PullInDiscount;
        var before = Before.Value;
        // In force over the whole horizon: the discount draws nothing, so the same deals are won, each 5 % cheaper.
        var discounted = Run(BehaviourParameters.Default, Stance(0, 0, discount, Horizon.AddDays(1)));
        Assert.Equal(before.All.Select(w => w.At), discounted.All.Select(w => w.At));
        Assert.Equal(1 - discount, (double)(discounted.Value / before.Value), 4);
    }

    [Fact]
    public void On_the_Maven_calibrated_workspace_the_stances_move_timing_and_value_too()
    {
        var p = PlanComparisonMavenTests.Fitted.Value.Parameters;
        Assert.NotNull(p.Deals);
        var before = Run(p, null);
        var held = Run(p, Stance(0, 0.5, 0, PeriodEnd));
        var pulled = Run(p, Stance(0.15, 0, 0, PeriodEnd), from: Window);
        var discounted = Run(p, Stance(0, 0, 0.05, Horizon.AddDays(1)));
        output.WriteLine($"Maven: wins before the end {before.Before(PeriodEnd)}, held {held.Before(PeriodEnd)}, pulled {pulled.Before(PeriodEnd)}; value {before.Value:N0} -> discounted {discounted.Value:N0}");
        Assert.True(before.Before(PeriodEnd) > 30, $"the sample must win deals in the period ({before.Before(PeriodEnd)})");
        Assert.InRange((double)held.Before(PeriodEnd) / before.Before(PeriodEnd), 0.38, 0.62);
        Assert.True(pulled.Before(PeriodEnd) > before.Before(PeriodEnd));
        Assert.Equal(0.95, (double)(discounted.Value / before.Value), 3);
    }

    [Fact]
    public void Stances_come_from_where_each_rep_stands_against_their_plan()
    {
        var org = ProjectionSamples.Org;
        var rep = org.Reps.First();
        var quarterStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var quarterEnd = quarterStart.AddMonths(3);
        var p = PlanResponseParameters.Default;
        var standings = RepStandings.For(new SetupDocument { Compensation = new() { Plans = [PlanResponseTests.Accelerated] } })!;
        // Mid-quarter and below quota: no stance for anyone.
        Assert.Null(standings.StancesAt(org, quarterStart.AddDays(40), p));
        // At 90 % of the quarter's target in its last two weeks: half-way into the 20 % reach below the accelerator.
        standings.Record([new(rep.Id, rep.Target * 0.9m)], quarterStart.AddDays(40), org);
        var near = standings.StancesAt(org, quarterEnd.AddDays(-14), p)!.Of(rep.Id)!;
        Assert.Equal(new PayStance(p.PullInShare * 0.5, 0, p.PullInDiscount * 0.5, quarterEnd, quarterEnd.AddDays(p.PullInDays)), near with { PullIn = Math.Round(near.PullIn, 9), Discount = Math.Round(near.Discount, 9) });
        // Past the 200 % cap: half the closing deals held back, whenever in the quarter.
        standings.Record([new(rep.Id, rep.Target * 1.2m)], quarterStart.AddDays(41), org);
        Assert.Equal(p.HoldBackShare, standings.StancesAt(org, quarterStart.AddDays(42), p)!.Of(rep.Id)!.HoldBack);
        // The flat plan moves no deal.
        var flat = RepStandings.For(new SetupDocument { Compensation = new() { Plans = [CompensationPlanSetup.Flat] } })!;
        flat.Record([new(rep.Id, rep.Target * 3)], quarterStart.AddDays(10), org);
        Assert.Null(flat.StancesAt(org, quarterEnd.AddDays(-3), p));
    }
}
