using Growth.Domain.Simulation;

namespace Growth.Domain.Journeys;

/// <summary>
/// Simulates one customer through the funnel and the lifecycle loop by producing events of the one event
/// language and applying them with <see cref="JourneyTransitions"/>. Pure apart from the plan it is given;
/// the same start and the same "advance to" instants always produce the same events, however the
/// instants are batched.
/// </summary>
/// <param name="stances">The reps' pay stances for this step (pull-ins, hold-backs, discounts; <see cref="Compensation.PayStances"/>); null: none.</param>
public sealed class JourneyPlanner(BehaviourParameters parameters, Compensation.PayStances? stances = null)
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
            HireDate = start.Rep.HireDate,
            MaxFollowUps = Behaviour.FollowUps(p, start.Rep.Incentive),
        };
        var run = new JourneyRun(p, new JourneyState { Id = start.JourneyId }, plan, stances);
        var rep = start.Rep;
        if (start.Existing)
        {
            run.Emit(EventKind.CustomerOnboarded, start.At, e => e with
            {
                Amount = start.OpeningBalance, RegionId = rep.RegionId, TeamId = rep.TeamId, RepId = rep.RepId,
            });
            run.OnboardExisting(start.At, start.OpeningBalance);
        }
        else if (start.InFlight is { } deal) run.OpenInFlight(start, deal);
        else
        {
            run.Emit(EventKind.LeadCreated, start.At, e => e with
            {
                CampaignId = start.CampaignId, Channel = start.Channel, RegionId = rep.RegionId, Tags = start.Tags,
            });
            run.Emit(EventKind.LeadAssigned, start.At, e => e with { RegionId = rep.RegionId, TeamId = rep.TeamId, RepId = rep.RepId });
            run.PlanContact(start.At, rep);
        }
        plan.Rng = run.Rng.State;
        return (run.Result(), plan);
    }

    /// <summary>
    /// Hands an open journey to another rep (its rep left the team): a LeadAssigned event at <paramref name="at"/>,
    /// and the rest of the conversation is walked with the new rep's skills, incentive and hire date.
    /// </summary>
    public JourneyAdvance Reassign(JourneyState state, JourneyPlan plan, RepAssignment rep, DateTimeOffset at, string? reason = null)
    {
        var run = new JourneyRun(p, state, plan, stances);
        run.Emit(EventKind.LeadAssigned, at, e => e with { RegionId = rep.RegionId, TeamId = rep.TeamId, RepId = rep.RepId, Reason = reason });
        plan.Skills = rep.Skills;
        plan.Incentive = rep.Incentive;
        plan.HireDate = rep.HireDate;
        plan.Rng = run.Rng.State;
        return run.Result();
    }

    /// <summary>
    /// Hands a lead from the pool to the rep its team's rule picked (a Reassigned event with the reason it was in the
    /// pool): an untouched lead waits for the new rep's first contact, an unanswered one resumes its follow-ups.
    /// </summary>
    public JourneyAdvance TakeFromPool(JourneyState state, JourneyPlan plan, RepAssignment rep, DateTimeOffset at)
    {
        var run = new JourneyRun(p, state, plan, stances);
        run.TakeFromPool(rep, at);
        plan.Rng = run.Rng.State;
        return run.Result();
    }

    /// <summary>Applies everything due up to and including <paramref name="until"/>.</summary>
    public JourneyAdvance AdvanceTo(JourneyState state, JourneyPlan plan, DateTimeOffset until)
    {
        var run = new JourneyRun(p, state, plan, stances);
        run.AdvanceTo(until);
        plan.Rng = run.Rng.State;
        return run.Result();
    }
}
