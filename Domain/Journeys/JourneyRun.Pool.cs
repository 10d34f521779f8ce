using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Journeys;

/// <summary>The operating rules in a journey: the first-contact deadline, the lead pool and intent grades.</summary>
internal sealed partial class JourneyRun
{
    PoolReturn? returned;

    /// <summary>
    /// Plans the first contact by <paramref name="rep"/> from <paramref name="at"/>. A contact that would come after
    /// the deadline sends the lead back to the pool at the deadline instead (while it has returns left).
    /// </summary>
    public void PlanContact(DateTimeOffset at, RepAssignment rep)
    {
        var rules = p.Rules;
        var hours = Rng.Exponential(Behaviour.MeanHoursToContact(p, rep.Incentive, rep.Load, rep.Capacity));
        plan.Sale = SaleAction.Contact;
        plan.SaleAt = at + TimeSpan.FromHours(hours);
        if (hours > rules.FirstContactDeadlineHours && s.Returns < rules.MaxReturns)
            PlanReturn(at + TimeSpan.FromHours(rules.FirstContactDeadlineHours), SaleAction.Contact,
                $"no first contact within the {rules.FirstContactDeadlineHours:0.##} h deadline");
    }

    void PlanReturn(DateTimeOffset at, SaleAction resume, string reason)
    {
        plan.Sale = SaleAction.ReturnToPool;
        plan.SaleAt = at;
        plan.Resume = resume;
        plan.PoolReason = reason;
    }

    /// <summary>The lead leaves its rep for the pool; it waits there (nothing due) until a rep takes it.</summary>
    void ReturnToPool(DateTimeOffset at)
    {
        var (region, team, rep) = (s.RegionId, s.TeamId, s.RepId);
        Emit(EventKind.ReturnedToPool, at, e => e with { Reason = plan.PoolReason, RegionId = region, TeamId = team, RepId = rep });
        plan.Sale = SaleAction.InPool;
        plan.SaleAt = null;
        if (region is not null && team is not null && rep is not null) returned = new PoolReturn(s.Id, region, team, rep, at, plan.PoolReason ?? "");
    }

    public void TakeFromPool(RepAssignment rep, DateTimeOffset at)
    {
        if (!s.InPool) return;
        Emit(EventKind.Reassigned, at, e => e with { Reason = plan.PoolReason, RegionId = rep.RegionId, TeamId = rep.TeamId, RepId = rep.RepId });
        plan.Skills = rep.Skills;
        plan.Incentive = rep.Incentive;
        plan.HireDate = rep.HireDate;
        plan.FollowUpsAtAssignment = s.FollowUps;
        if (plan.Resume == SaleAction.FollowUp)
        {
            var grade = p.Rules.RuleOf(s.Grade ?? IntentGrade.C);
            plan.MaxFollowUps = s.FollowUps + Persistence(grade);
            plan.Sale = SaleAction.FollowUp;
            plan.SaleAt = AfterDays(at, FollowUpDays() / Behaviour.Effort(plan.Incentive));
        }
        else PlanContact(at, rep);
    }

    /// <summary>Grades a lead just qualified from its four signals, and sets its follow-up cadence and persistence.</summary>
    void Grade(DateTimeOffset at)
    {
        var signals = IntentSignals.Of(plan.Intent, plan.Budget, p.ListPrice, Prng.StableHash(s.Id));
        var grade = signals.Grade;
        Emit(EventKind.Graded, at, e => e with { Grade = grade, Reason = $"{signals.Count} of 4 signals (need, budget, timing, decision power)" });
        var rule = p.Rules.RuleOf(grade);
        plan.FollowUpDays = rule.FollowUpDays;
        plan.MaxFollowUps = s.FollowUps + Persistence(rule);
    }

    /// <summary>Follow-ups a rep with this incentive makes for a grade: the grade's count at normal effort, scaled by effort.</summary>
    int Persistence(GradeRule rule) => Math.Max(1, (int)Math.Round(rule.FollowUps * Behaviour.Effort(plan.Incentive)));

    double FollowUpDays() => plan.FollowUpDays > 0 ? plan.FollowUpDays : p.DaysBetweenFollowUps;

    /// <summary>After an unanswered follow-up: back to the pool once the rule's count is reached (while returns are left).</summary>
    bool ReturnAfterUnanswered(DateTimeOffset at)
    {
        var n = p.Rules.UnansweredFollowUps;
        if (n <= 0 || s.Returns >= p.Rules.MaxReturns || s.FollowUps - plan.FollowUpsAtAssignment < n) return false;
        PlanReturn(at, SaleAction.FollowUp, $"{n} unanswered follow-ups");
        ReturnToPool(at);
        return true;
    }
}
