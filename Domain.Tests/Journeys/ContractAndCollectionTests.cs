using Growth.Domain.Figures;
using Growth.Domain.Journeys;
using Growth.Domain.Ledger;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Journeys;

/// <summary>The contract stage and the collection rules move the journey the way they should (seeded, pure).</summary>
public class ContractAndCollectionTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    static readonly double[] Skills = Enumerable.Repeat(0.85, 6).ToArray();

    /// <summary>The kinds only the contract stage and the collection rules produce.</summary>
    public static readonly EventKind[] RuleKinds =
    [
        EventKind.ContractDrafted, EventKind.ApprovalRequested, EventKind.ApprovalGranted, EventKind.ApprovalRefused,
        EventKind.InstalmentDue, EventKind.ReminderSent, EventKind.WrittenOff,
    ];

    static ContractRules Contract(double limit, double refusal = 0.2) => new(DraftDays: 2, ApprovalHours: 48, RefusalShare: refusal, DiscountLimit: limit, MaxDiscount: 0.3);

    static BehaviourParameters With(ContractRules? contract = null, CollectionRules? collections = null, double lateRate = 0.8) => BehaviourParameters.Default with
    {
        LatePaymentRate = lateRate,
        Rules = OperatingRules.Default with { Contract = contract, Collections = collections ?? CollectionRules.Default },
    };

    static JourneyStart Lead(int i) => new()
    {
        JourneyId = $"lead-{i}", At = T0, Channel = Channel.Ads,
        Rep = new RepAssignment("r", "t", "a", Skills, 0.7, 5, 40),
        // Budgets around the list price (5,000): some deals ask for a discount beyond the gap, some fit.
        Persona = new LeadPersona(true, 0.95, 3500m + 100m * (i % 30), (ulong)(7000 + i)),
    };

    static (JourneyState State, List<JourneyEvent> Events) Walk(BehaviourParameters p, int i, double days)
    {
        var planner = new JourneyPlanner(p);
        var (first, plan) = planner.Start(Lead(i));
        var next = planner.AdvanceTo(first.State, plan, T0.AddDays(days));
        return (next.State, first.Events.Concat(next.Events).ToList());
    }

    static List<(JourneyState State, List<JourneyEvent> Events)> Walks(BehaviourParameters p, int n, double days) =>
        Enumerable.Range(0, n).Select(i => Walk(p, i, days)).ToList();

    static Tally Sum(IEnumerable<JourneyState> states)
    {
        var t = new Tally();
        foreach (var s in states) t.Add(Tally.Of(s));
        return t;
    }

    [Fact]
    public void With_the_rules_on_every_new_kind_is_simulated_and_replays_through_the_transitions()
    {
        var p = With(Contract(0.05, refusal: 0.3), new CollectionRules(3, 30, [3, 10], 30, 0.5));
        var walks = Walks(p, 400, 240);
        Assert.Empty(RuleKinds.Except(walks.SelectMany(w => w.Events).Select(e => e.Kind)));
        Assert.All(walks, w =>
        {
            var replay = JourneyTransitions.ApplyAll(new JourneyState { Id = w.State.Id }, w.Events);
            Assert.True(replay.Accepted, replay.Error);
            Assert.Equal(w.State, replay.State);
        });
        // A refused discount is re-quoted at the limit: the order is signed at 95 % of the deal's value.
        var refused = walks.First(w => w.Events.Any(e => e.Kind == EventKind.ApprovalRefused));
        var redraft = refused.Events.Last(e => e.Kind == EventKind.ContractDrafted);
        Assert.Equal("re-quoted at the discount limit", redraft.Reason);
        Assert.Equal(redraft.Amount, refused.Events.Single(e => e.Kind == EventKind.OrderSigned).Amount);
        Assert.Equal(Math.Round(refused.State.OpportunityValue * 0.95m, 0), redraft.Amount);
    }

    [Fact]
    public void A_stricter_approval_rule_lengthens_the_cycle()
    {
        const int n = 3000;
        // Lenient: reps may give 30 % (the maximum) without approval; strict: any discount above 5 % needs a manager.
        var lenient = Walks(With(Contract(0.30)), n, 200);
        var strict = Walks(With(Contract(0.05)), n, 200);
        var none = Walks(With(), n, 200);
        var days = new[] { none, lenient, strict }.Select(w => CollectionFigures.Of(Sum(w.Select(x => x.State)), T0.AddDays(200), null)).ToList();
        Assert.Equal(0, days[1].ApprovalsRequested);
        var share = (double)days[2].ApprovalsRequested / strict.Count(w => w.State.Orders > 0);
        Assert.True(share > 0.2, $"{days[2].ApprovalsRequested} approvals, {share:P0} of orders");
        // The stage adds the draft (mean 2 days); approvals add their 48 hours and a refusal another draft (20 % × 2 days).
        Assert.True(days[0].AverageDaysToOrder < days[1].AverageDaysToOrder);
        Assert.True(days[1].AverageDaysToOrder < days[2].AverageDaysToOrder);
        var expected = share * (48.0 / 24 + 0.2 * 2);
        Assert.InRange(days[2].AverageDaysToOrder!.Value - days[1].AverageDaysToOrder!.Value, expected * 0.8, expected * 1.2);
        Assert.InRange(days[1].AverageDaysToOrder!.Value - days[0].AverageDaysToOrder!.Value, 2 * 0.8, 2 * 1.2);
        // Each journey signs no earlier under the strict rule: the same discount, the same draft, then the wait.
        for (var i = 0; i < n; i++)
            if (lenient[i].State.OrderAt is { } a && strict[i].State.OrderAt is { } b) Assert.True(b >= a, lenient[i].State.Id);
    }

    [Fact]
    public void An_instalment_plan_moves_cash_but_not_revenue()
    {
        const int n = 2000;
        var once = Walks(With(), n, 60);
        var plan = Walks(With(collections: new CollectionRules(3, 30, [], 0, 0.5)), n, 60);
        var (a, b) = (Sum(once.Select(w => w.State)), Sum(plan.Select(w => w.State)));
        Assert.True(a[Money.Revenue] > 0);
        Assert.Equal(a[Money.Revenue], b[Money.Revenue]);
        Assert.Equal(a[Count.Orders], b[Count.Orders]);
        for (var i = 0; i < n; i++) Assert.Equal(once[i].State.OrderValue, plan[i].State.OrderValue);
        // Cash follows the instalments: within 60 days at most two of three are invoiced, so less is billed and collected.
        Assert.True(b[Money.Billed] < a[Money.Billed] * 0.85m, $"billed {b[Money.Billed]} against {a[Money.Billed]}");
        Assert.True(b[Money.Collected] < a[Money.Collected] * 0.85m, $"collected {b[Money.Collected]} against {a[Money.Collected]}");
        Assert.True(b[Count.Instalments] > 0);
        var first = plan.First(w => w.Events.Count(e => e.Kind == EventKind.InstalmentDue) == 2).Events.Where(e => e.Kind == EventKind.InstalmentDue).ToList();
        Assert.Equal(["instalment 1 of 3", "instalment 2 of 3"], first.Select(e => e.Reason));
        Assert.Equal(TimeSpan.FromDays(30), first[1].At - first[0].At);
        Assert.Equal(first[1].At.AddDays(30), first[1].DueAt);
    }

    [Fact]
    public void Write_off_after_N_days_removes_the_amount_from_receivables_and_the_ledger_stays_reconciled()
    {
        const int n = 2000;
        // No late payer pays (late rate 0): every invoice not paid on time stays unpaid, so a write-off takes exactly it.
        var kept = Walks(With(lateRate: 0), n, 120);
        var rules = Walks(With(collections: new CollectionRules(1, 30, [7, 21], 45, 0.5), lateRate: 0), n, 120);
        var (a, b) = (Sum(kept.Select(w => w.State)), Sum(rules.Select(w => w.State)));
        Assert.True(b[Money.WrittenOff] > 0);
        Assert.Equal(a[Money.Revenue], b[Money.Revenue]);
        Assert.Equal(a[Money.Collected], b[Money.Collected]);
        Assert.Equal(a[Money.Outstanding] - b[Money.WrittenOff], b[Money.Outstanding]);
        Assert.True(b[Money.Overdue] < a[Money.Overdue]);
        var written = rules.First(w => w.Events.Any(e => e.Kind == EventKind.WrittenOff)).Events;
        var due = written.First(e => e.Kind == EventKind.PaymentDue).DueAt!.Value;
        Assert.Equal(due.AddDays(45), written.Single(e => e.Kind == EventKind.WrittenOff).At);
        Assert.Equal([due.AddDays(7), due.AddDays(21)], written.Where(e => e.Kind == EventKind.ReminderSent).Select(e => e.At));
        // Write-offs are not cash: the money ledger rebuilt from the events still equals the running figures.
        var ledger = LedgerTotals.From(rules.SelectMany(w => MoneyEvents.Of(w.State.Id, w.State, w.Events)));
        Assert.Equal(MoneyFigures.Of(b), ledger.Total);
    }
}
