using Growth.Domain.Calibration;
using Growth.Domain.Compensation;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Journeys;

/// <summary>One advance in progress: the working state, the plan and the events emitted so far.</summary>
/// <param name="stances">The reps' pay stances this step (<see cref="PayStances"/>): pull-ins, hold-backs and discounts; null: none.</param>
internal sealed partial class JourneyRun(BehaviourParameters p, JourneyState state, JourneyPlan plan, PayStances? stances = null)
{
    public readonly Prng Rng = new(plan.Rng);
    JourneyState s = state;
    readonly List<JourneyEvent> events = [];
    readonly List<ReferralLead> referrals = [];

    public JourneyAdvance Result() => new(s, events, referrals, plan.NextDue(), returned);

    public void Emit(EventKind kind, DateTimeOffset at, Func<JourneyEvent, JourneyEvent>? fill = null)
    {
        var e = new JourneyEvent { Id = $"{s.Id}#{s.EventCount + 1}", Kind = kind, At = at };
        if (fill is not null) e = fill(e);
        var t = JourneyTransitions.Apply(s, e);
        // The planner only emits what the rules allow; a refusal here is a bug in the planner.
        if (!t.Accepted) throw new InvalidOperationException($"planner emitted an impossible {kind} for {s.Id}: {t.Error}");
        s = t.State;
        events.Add(e);
    }

    public void AdvanceTo(DateTimeOffset until)
    {
        // Bounded: a journey has a finite agenda, but guard against a planning bug looping forever.
        for (var guard = 0; guard < 10_000; guard++)
        {
            var due = plan.NextDue();
            if (due is not { } at || at > until) return;
            Fire(at);
        }
        throw new InvalidOperationException($"journey {s.Id} did not settle while advancing to {until:O}");
    }

    void Fire(DateTimeOffset at)
    {
        if (plan.SaleAt == at) { FireSale(at); return; }
        if (plan.ContractAt == at) { FireContract(at); return; }
        for (var i = 0; i < plan.Invoices.Count; i++)
            if (plan.Invoices[i].NextAt == at) { FireInvoice(i, at); return; }
        if (plan.ActivateAt == at) { plan.ActivateAt = null; Activate(at); return; }
        if (plan.RetainAt == at) { plan.RetainAt = null; if (s.IsCustomer && s.Activated) Emit(EventKind.Retained, at); return; }
        if (plan.RepurchaseAt == at) { plan.RepurchaseAt = null; Repurchase(at); return; }
        if (plan.ReferralAt == at) { plan.ReferralAt = null; Refer(at); return; }
        if (plan.ChurnAt == at) { plan.ChurnAt = null; Churn(at); return; }
        if (plan.ReviewAt == at) { plan.ReviewAt = null; Review(at); return; }
        if (plan.LeaveAt == at) { plan.LeaveAt = null; Leave(at); return; }
    }

    DateTimeOffset AfterDays(DateTimeOffset at, double meanDays) => at + TimeSpan.FromDays(Rng.Exponential(meanDays));

    void FireSale(DateTimeOffset at)
    {
        var effort = Behaviour.Effort(plan.Incentive);
        switch (plan.Sale)
        {
            case SaleAction.Contact:
                Emit(EventKind.Contacted, at);
                plan.Sale = SaleAction.Qualify;
                plan.SaleAt = at + TimeSpan.FromHours(Rng.Exponential(p.HoursToQualify));
                break;
            case SaleAction.Qualify:
                var hours = (s.FirstContactAt!.Value - s.CreatedAt!.Value).TotalHours;
                if (Rng.Chance(Behaviour.QualifyProbability(p, plan.Effective, hours)))
                {
                    Emit(EventKind.Qualified, at);
                    Grade(at);
                    plan.Sale = SaleAction.FollowUp;
                    plan.SaleAt = AfterDays(at, FollowUpDays() / effort);
                }
                else
                {
                    var reason = plan.Effective ? "intent cooled before it was recognised" : "no real intent (junk lead)";
                    Emit(EventKind.Disqualified, at, e => e with { Reason = reason });
                    StopSale();
                }
                break;
            case SaleAction.FollowUp:
                Emit(EventKind.FollowedUp, at);
                if (Rng.Chance(Behaviour.OpportunityProbability(p, plan.Intent)))
                {
                    // A calibrated model opens the opportunity for a product of the history, at its list price.
                    // A setup's price book opens it for a product drawn by mix, at that product's price in the lead's
                    // region as it stands now (a price change applies to opportunities opened after it).
                    var value = DrawOpportunityValue();
                    plan.BaseValue = value;
                    Emit(EventKind.OpportunityOpened, at, e => e with { Amount = value });
                    // A fitted history's abandoned deals: some opportunities stall and stay open (drawn only when fitted).
                    if (p.Deals is { } stalling && stalling.StallOf(s.CampaignId) is > 0 and var stall && Rng.Chance(stall)) { StopSale(); break; }
                    plan.Sale = SaleAction.Step;
                    plan.SaleAt = NextStep(at);
                }
                else if (s.FollowUps >= plan.MaxFollowUps)
                {
                    Emit(EventKind.Disqualified, at, e => e with { Reason = $"went cold after {s.FollowUps} follow-ups" });
                    StopSale();
                }
                else if (!ReturnAfterUnanswered(at)) plan.SaleAt = AfterDays(at, FollowUpDays() / effort);
                break;
            case SaleAction.ReturnToPool:
                ReturnToPool(at);
                break;
            case SaleAction.Step:
                WalkStep(at);
                break;
            default:
                StopSale();
                break;
        }
    }

    decimal DrawOpportunityValue() => p.Deals is { } deals
        ? deals.DrawProduct(Rng)?.ListPrice ?? p.ListPrice
        : p.Prices is { } book && book.Draw(Rng) is { } product
            ? book.PriceIn(product, s.RegionId)
            : Math.Round(p.ListPrice * (decimal)Rng.LogNormal(1, 0.5), 0);

    void StopSale()
    {
        plan.Sale = SaleAction.None;
        plan.SaleAt = null;
    }

    /// <summary>When the next conversation step falls: after the mean days per step, or pulled into the period by the rep's pay stance.</summary>
    DateTimeOffset NextStep(DateTimeOffset at) =>
        PayStances.PullIn(Stance, s.Id, ConversationStep.Close - (s.LastStep is { } last ? last + 1 : ConversationStep.Opening) + 1, p.DaysPerStep, at,
            AfterDays(at, p.DaysPerStep));

    PayStance? Stance => stances?.Of(s.RepId);

    void WalkStep(DateTimeOffset at)
    {
        var step = s.LastStep is { } last ? last + 1 : ConversationStep.Opening;
        // A rep past their cap holds a closing deal back to the next period, where it is walked again.
        if (step == ConversationStep.Close && PayStances.HeldUntil(Stance, at, Rng) is { } held) { plan.SaleAt = held; return; }
        var priceFit = Behaviour.PriceFit(s.OpportunityValue, plan.Budget);
        ObjectionType? objection = null;
        if (step == ConversationStep.ObjectionHandling)
        {
            // A price above budget makes budget objections likelier.
            var weights = new double[] { 1, 1, 1, 1 + 4 * (1 - priceFit), 1 };
            objection = (ObjectionType)Rng.Pick(weights);
            Emit(EventKind.ObjectionRaised, at, e => e with { Objection = objection });
        }
        var pass = Rng.Chance(p.Deals is { } deals
            ? DealCalibration.StepPassChance(p, step, deals.WinChance(s.RepId, s.TeamId, deals.ProductOf(s.OpportunityValue), s.CampaignId))
            : Behaviour.StepPassProbability(p, step, plan.Skills[(int)step] * Behaviour.Ramp(p, plan.HireDate, at), plan.Intent, priceFit));
        if (!pass)
        {
            var reason = objection?.ToString() ?? Behaviour.StepFailureReason(step);
            Emit(EventKind.Lost, at, e => e with { Step = step, Objection = objection, Reason = reason });
            StopSale();
            return;
        }
        if (step < ConversationStep.Close)
        {
            Emit(EventKind.StepPassed, at, e => e with { Step = step });
            plan.SaleAt = NextStep(at);
            return;
        }
        var amount = p.Deals is { } fitted
            ? fitted.DrawWonValue(Rng, fitted.ProductOf(s.OpportunityValue), s.OpportunityValue)
            : s.OpportunityValue;
        amount = PayStances.Discounted(Stance, at, amount); // a rep closing early near a higher tier discounts more
        StopSale();
        if (p.Rules.Contract is { } contract) { StartContract(contract, amount, at); return; }
        Emit(EventKind.Won, at, e => e with { Amount = amount });
        SignOrder(amount, at);
    }

    /// <summary>The first order is signed: invoiced, and the customer's satisfaction decides activation or churn.</summary>
    void SignOrder(decimal amount, DateTimeOffset at)
    {
        Emit(EventKind.OrderSigned, at, e => e with { Amount = amount });
        plan.LastPurchaseAt = at;
        plan.Satisfaction = Behaviour.Satisfaction(p, Behaviour.PriceFit(s.OpportunityValue, plan.Budget), Rng.Normal(0, 0.12));
        Invoice(amount, at, billed: false);
        if (Rng.Chance(Behaviour.ActivationProbability(plan.Satisfaction))) plan.ActivateAt = AfterDays(at, p.DaysToActivate);
        else plan.ChurnAt = AfterDays(at, p.DaysToChurn);
    }
}
