using Growth.Domain.Calibration;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Journeys;

/// <summary>
/// Simulates one customer through the funnel and the lifecycle loop by producing events of the one event
/// language and applying them with <see cref="JourneyTransitions"/>. Pure apart from the plan it is given;
/// the same start and the same "advance to" instants always produce the same events, however the
/// instants are batched.
/// </summary>
public sealed class JourneyPlanner(BehaviourParameters parameters)
{
    readonly BehaviourParameters p = parameters;

    /// <summary>Creates and assigns the lead (or onboards the existing customer) and plans what comes next.</summary>
    public (JourneyAdvance Advance, JourneyPlan Plan) Start(JourneyStart start)
    {
        var persona = start.Persona;
        var plan = new JourneyPlan
        {
            Rng = persona.Seed,
            Effective = persona.Effective,
            Intent = persona.Intent,
            Budget = persona.Budget,
            Skills = start.Rep.Skills,
            Incentive = start.Rep.Incentive,
            MaxFollowUps = Behaviour.FollowUps(p, start.Rep.Incentive),
        };
        var run = new Run(p, new JourneyState { Id = start.JourneyId }, plan);
        var rep = start.Rep;
        if (start.Existing)
        {
            run.Emit(EventKind.CustomerOnboarded, start.At, e => e with
            {
                Amount = start.OpeningBalance, RegionId = rep.RegionId, TeamId = rep.TeamId, RepId = rep.RepId,
            });
            run.OnboardExisting(start.At, start.OpeningBalance);
        }
        else
        {
            run.Emit(EventKind.LeadCreated, start.At, e => e with
            {
                CampaignId = start.CampaignId, Channel = start.Channel, RegionId = rep.RegionId,
            });
            run.Emit(EventKind.LeadAssigned, start.At, e => e with { RegionId = rep.RegionId, TeamId = rep.TeamId, RepId = rep.RepId });
            var meanHours = Behaviour.MeanHoursToContact(p, rep.Incentive, rep.Load, rep.Capacity);
            plan.Sale = SaleAction.Contact;
            plan.SaleAt = start.At + TimeSpan.FromHours(run.Rng.Exponential(meanHours));
        }
        plan.Rng = run.Rng.State;
        return (run.Result(), plan);
    }

    /// <summary>Applies everything due up to and including <paramref name="until"/>.</summary>
    public JourneyAdvance AdvanceTo(JourneyState state, JourneyPlan plan, DateTimeOffset until)
    {
        var run = new Run(p, state, plan);
        run.AdvanceTo(until);
        plan.Rng = run.Rng.State;
        return run.Result();
    }

    /// <summary>One advance in progress: the working state, the plan and the events emitted so far.</summary>
    sealed class Run(BehaviourParameters p, JourneyState state, JourneyPlan plan)
    {
        public readonly Prng Rng = new(plan.Rng);
        JourneyState s = state;
        readonly List<JourneyEvent> events = [];
        readonly List<ReferralLead> referrals = [];

        public JourneyAdvance Result() => new(s, events, referrals, plan.NextDue());

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
            for (var i = 0; i < plan.Invoices.Count; i++)
                if (plan.Invoices[i].NextAt == at) { FireInvoice(i, at); return; }
            if (plan.ActivateAt == at) { plan.ActivateAt = null; Activate(at); return; }
            if (plan.RetainAt == at) { plan.RetainAt = null; if (s.IsCustomer && s.Activated) Emit(EventKind.Retained, at); return; }
            if (plan.RepurchaseAt == at) { plan.RepurchaseAt = null; Repurchase(at); return; }
            if (plan.ReferralAt == at) { plan.ReferralAt = null; Refer(at); return; }
            if (plan.ChurnAt == at) { plan.ChurnAt = null; Churn(at); return; }
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
                        plan.Sale = SaleAction.FollowUp;
                        plan.SaleAt = AfterDays(at, p.DaysBetweenFollowUps / effort);
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
                        var value = p.Deals is { } deals
                            ? deals.DrawProduct(Rng)?.ListPrice ?? p.ListPrice
                            : Math.Round(p.ListPrice * (decimal)Rng.LogNormal(1, 0.5), 0);
                        plan.BaseValue = value;
                        Emit(EventKind.OpportunityOpened, at, e => e with { Amount = value });
                        plan.Sale = SaleAction.Step;
                        plan.SaleAt = AfterDays(at, p.DaysPerStep);
                    }
                    else if (s.FollowUps >= plan.MaxFollowUps)
                    {
                        Emit(EventKind.Disqualified, at, e => e with { Reason = $"went cold after {s.FollowUps} follow-ups" });
                        StopSale();
                    }
                    else plan.SaleAt = AfterDays(at, p.DaysBetweenFollowUps / effort);
                    break;
                case SaleAction.Step:
                    WalkStep(at);
                    break;
                default:
                    StopSale();
                    break;
            }
        }

        void StopSale()
        {
            plan.Sale = SaleAction.None;
            plan.SaleAt = null;
        }

        void WalkStep(DateTimeOffset at)
        {
            var step = s.LastStep is { } last ? last + 1 : ConversationStep.Opening;
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
                ? DealCalibration.StepPassChance(p, step, deals.WinChance(s.RepId, s.TeamId, deals.ProductOf(s.OpportunityValue)))
                : Behaviour.StepPassProbability(p, step, plan.Skills[(int)step], plan.Intent, priceFit));
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
                plan.SaleAt = AfterDays(at, p.DaysPerStep);
                return;
            }
            var amount = p.Deals is { } fitted
                ? fitted.DrawWonValue(Rng, fitted.ProductOf(s.OpportunityValue), s.OpportunityValue)
                : s.OpportunityValue;
            Emit(EventKind.Won, at, e => e with { Amount = amount });
            Emit(EventKind.OrderSigned, at, e => e with { Amount = amount });
            StopSale();
            plan.Satisfaction = Behaviour.Satisfaction(p, priceFit, Rng.Normal(0, 0.12));
            Invoice(amount, at, billed: false);
            if (Rng.Chance(Behaviour.ActivationProbability(plan.Satisfaction))) plan.ActivateAt = AfterDays(at, p.DaysToActivate);
            else plan.ChurnAt = AfterDays(at, p.DaysToChurn);
        }

        public void OnboardExisting(DateTimeOffset at, decimal openingBalance)
        {
            plan.Satisfaction = Behaviour.Satisfaction(p, 1, Rng.Normal(0, 0.12));
            plan.BaseValue = Math.Round(p.ListPrice * (decimal)Rng.LogNormal(1, 0.5), 0);
            if (openingBalance > 0)
            {
                // Receivables carried in fall due over the coming weeks; some are already late.
                var due = at + TimeSpan.FromDays(Rng.Uniform(-5, p.PaymentTermsDays));
                if (due < at) due = at;
                AddInvoice(openingBalance, at, due);
            }
            ArmCustomer(at, retainAfter: Rng.Uniform(0, p.RetentionDays));
        }

        void Invoice(decimal amount, DateTimeOffset at, bool billed)
        {
            var due = at + TimeSpan.FromDays(p.PaymentTermsDays);
            if (!billed) Emit(EventKind.PaymentDue, at, e => e with { Amount = amount, DueAt = due });
            AddInvoice(amount, at, due);
        }

        void AddInvoice(decimal amount, DateTimeOffset at, DateTimeOffset due)
        {
            DateTimeOffset? payAt;
            if (Rng.Chance(p.OnTimePaymentRate)) payAt = at + (due - at) * Rng.Uniform(0.2, 1.0);
            else if (Rng.Chance(p.LatePaymentRate)) payAt = due + TimeSpan.FromDays(Rng.Exponential(p.DaysLate));
            else payAt = null;
            plan.Invoices.Add(new PlannedInvoice(amount, due, payAt, false));
        }

        void FireInvoice(int index, DateTimeOffset at)
        {
            var inv = plan.Invoices[index];
            if (inv.Late && !inv.OverdueMarked)
            {
                var overdue = Math.Min(inv.Amount, s.Outstanding - s.Overdue);
                if (overdue > 0) Emit(EventKind.PaymentOverdue, at, e => e with { Amount = overdue });
                plan.Invoices[index] = inv with { OverdueMarked = true };
                if (inv.PayAt is null) plan.Invoices.RemoveAt(index);
                return;
            }
            var paid = Math.Min(inv.Amount, s.Outstanding);
            if (paid > 0) Emit(EventKind.PaymentReceived, at, e => e with { Amount = paid });
            plan.Invoices.RemoveAt(index);
        }

        void Activate(DateTimeOffset at)
        {
            if (!s.IsCustomer) return;
            Emit(EventKind.Activated, at);
            ArmCustomer(at, p.RetentionDays);
        }

        void ArmCustomer(DateTimeOffset at, double retainAfter)
        {
            plan.RetainAt = at + TimeSpan.FromDays(retainAfter);
            plan.RepurchaseAt = AfterDays(at, Behaviour.RepurchaseMeanDays(p, plan.Satisfaction));
            plan.ReferralAt = AfterDays(at, Behaviour.ReferralMeanDays(p, plan.Satisfaction));
            if (plan.Satisfaction < p.ChurnSatisfaction) plan.ChurnAt = AfterDays(at, p.DaysToChurn);
        }

        void Repurchase(DateTimeOffset at)
        {
            if (!s.IsCustomer) return;
            var amount = Math.Max(1, Math.Round(plan.BaseValue * (decimal)Rng.Uniform(0.3, 0.8), 0));
            Emit(EventKind.Repurchased, at, e => e with { Amount = amount });
            Invoice(amount, at, billed: false);
            if (s.Repurchases < p.MaxRepurchases)
                plan.RepurchaseAt = AfterDays(at, Behaviour.RepurchaseMeanDays(p, plan.Satisfaction));
        }

        void Refer(DateTimeOffset at)
        {
            if (!s.IsCustomer) return;
            var leadId = $"{s.Id}.r{s.Referrals + 1}";
            Emit(EventKind.Referred, at, e => e with { ReferredLeadId = leadId });
            referrals.Add(new ReferralLead(leadId, at, s.RegionId, s.Id, Rng.NextUInt64()));
            if (s.Referrals < p.MaxReferrals)
                plan.ReferralAt = AfterDays(at, Behaviour.ReferralMeanDays(p, plan.Satisfaction));
        }

        void Churn(DateTimeOffset at)
        {
            if (!s.IsCustomer) return;
            var refundable = s.Collected - s.Refunded;
            if (refundable > 0)
            {
                var refund = Math.Round(refundable * 0.5m, 2);
                if (refund > 0) Emit(EventKind.Refunded, at, e => e with { Amount = refund });
            }
            Emit(EventKind.Churned, at, e => e with { Reason = "dissatisfied" });
            plan.ActivateAt = plan.RetainAt = plan.RepurchaseAt = plan.ReferralAt = null;
        }
    }
}
