using Growth.Domain.Simulation;

namespace Growth.Domain.Journeys;

/// <summary>The customer part of a journey's advance (invoices and payments are in the collections part): activation, retention, repurchases, referrals, churn.</summary>
internal sealed partial class JourneyRun
{
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
            var refund = Math.Round(refundable * (decimal)p.Rules.Collections.RefundShareOnChurn, 2);
            if (refund > 0) Emit(EventKind.Refunded, at, e => e with { Amount = refund });
        }
        Emit(EventKind.Churned, at, e => e with { Reason = "dissatisfied" });
        plan.ActivateAt = plan.RetainAt = plan.RepurchaseAt = plan.ReferralAt = null;
    }
}
