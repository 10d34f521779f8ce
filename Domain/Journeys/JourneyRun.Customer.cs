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
        // An existing customer's last purchase: as long ago as their own repurchase rate makes likely (memoryless).
        if (p.Rules.Customers is not null) plan.LastPurchaseAt = at - TimeSpan.FromDays(Rng.Exponential(Behaviour.RepurchaseMeanDays(p, plan.Satisfaction)));
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
        // No referral at all when none is allowed (a calibrated model: the history's leads hold its referred ones).
        plan.ReferralAt = p.MaxReferrals > 0 ? AfterDays(at, Behaviour.ReferralMeanDays(p, plan.Satisfaction)) : null;
        if (plan.Satisfaction < p.ChurnSatisfaction) plan.ChurnAt = AfterDays(at, p.DaysToChurn);
        if (p.Rules.Customers is not { } rules) return;
        GradeCustomer(at);
        plan.ReviewAt = at + TimeSpan.FromDays(rules.RuleOf(s.CustomerGrade ?? CustomerGrade.B).CheckInDays);
    }

    /// <summary>Grades the customer by value × activity (when the rule grades customers); a Graded event when the grade changes.</summary>
    void GradeCustomer(DateTimeOffset at)
    {
        if (p.Rules.Customers is not { } c || !s.IsCustomer) return;
        var value = s.OrderValue + (s.Existing ? plan.BaseValue : 0);
        var days = plan.LastPurchaseAt is { } last ? (at - last).TotalDays : 0;
        var grade = c.GradeOf(value, days);
        if (grade == s.CustomerGrade) return;
        var leave = c.RuleOf(grade).MeanDaysToLeave;
        plan.LeaveAt = leave is { } mean ? AfterDays(at, mean) : null;
        Emit(EventKind.Graded, at, e => e with
        {
            Grade = (IntentGrade)(int)grade,
            Reason = FormattableString.Invariant($"customer: value {value:0} against {c.HighValue:0}, {Math.Round(days):0} days since the last purchase against {c.ActiveDays:0}"),
        });
    }

    /// <summary>A retention check-in: the customer is graded again (a lapsed one drops a grade), and the next is set by the grade's cadence.</summary>
    void Review(DateTimeOffset at)
    {
        if (p.Rules.Customers is not { } c || !s.IsCustomer) return;
        GradeCustomer(at);
        plan.ReviewAt = at + TimeSpan.FromDays(c.RuleOf(s.CustomerGrade ?? CustomerGrade.B).CheckInDays);
    }

    /// <summary>The customer leaves at their grade's hazard, whatever their satisfaction (no refund: nothing went wrong).</summary>
    void Leave(DateTimeOffset at)
    {
        if (!s.IsCustomer) return;
        Emit(EventKind.Churned, at, e => e with { Reason = $"left (customer grade {s.CustomerGrade})" });
        plan.ActivateAt = plan.RetainAt = plan.RepurchaseAt = plan.ReferralAt = plan.ChurnAt = plan.ReviewAt = plan.LeaveAt = null;
    }

    void Repurchase(DateTimeOffset at)
    {
        if (!s.IsCustomer) return;
        var amount = Math.Max(1, Math.Round(plan.BaseValue * (decimal)Rng.Uniform(0.3, 0.8), 0));
        Emit(EventKind.Repurchased, at, e => e with { Amount = amount });
        Invoice(amount, at, billed: false);
        plan.LastPurchaseAt = at;
        GradeCustomer(at);
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
        plan.ActivateAt = plan.RetainAt = plan.RepurchaseAt = plan.ReferralAt = plan.ReviewAt = plan.LeaveAt = null;
    }
}
