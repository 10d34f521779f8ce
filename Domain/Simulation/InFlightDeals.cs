using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>
/// The opportunities a company already has open when its simulation starts (<see cref="OperatingRules.InFlightDeals"/>):
/// each has reached a conversation step drawn evenly from Opening to Close and is as old as the steps it passed, and
/// goes on from there as any opportunity does. Drawn on a stream of their own, so the rest of the simulation draws
/// the same with or without them.
/// </summary>
public static class InFlightDeals
{
    /// <summary>
    /// <paramref name="count"/> open opportunities at <paramref name="start"/>, drawn from the seed (the same seed gives the
    /// same deals), each assigned by its team's rule: teams take them in turn by their load over capacity (as the region
    /// grains route leads), then the team's rule picks the rep, counting the deals already handed out.
    /// </summary>
    public static List<JourneyStart> Starts(ulong seed, int count, Organisation organisation, BehaviourParameters parameters, DateTimeOffset start)
    {
        var teams = organisation.Teams.Where(t => t.Reps.Count > 0).ToList();
        var starts = new List<JourneyStart>(Math.Max(0, count));
        if (teams.Count == 0) return starts;
        var rng = new Prng(Prng.Derive(seed, "in-flight-deals"));
        var loads = teams.Select(t => new int[t.Reps.Count]).ToList();
        var capacity = teams.Select(t => (double)Math.Max(1, t.Reps.Sum(r => r.Capacity))).ToList();
        var cursors = new long[teams.Count];
        for (var i = 0; i < count; i++)
        {
            var t = 0;
            for (var k = 1; k < teams.Count; k++)
                if (loads[k].Sum() / capacity[k] < loads[t].Sum() / capacity[t]) t = k;
            var team = teams[t];
            var pick = LeadAssignment.Pick(team.Rule, team.Reps, loads[t], cursors[t]++, null, team.RegionId);
            var rep = team.Reps[pick];
            var assignment = new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, rep.Incentive, loads[t][pick], rep.Capacity, rep.HireDate);
            loads[t][pick]++;
            starts.Add(Draw(rng, parameters, start, assignment, $"deal-{i + 1}"));
        }
        return starts;
    }

    /// <summary>
    /// One deal in flight at <paramref name="start"/> with <paramref name="rep"/>: its persona, the step it reached (evenly
    /// from Opening to Close) and its age, drawn from <paramref name="rng"/> (the simulation's deals and the projection's
    /// calibration sample of them, <c>FunnelCalibration</c>, draw them alike).
    /// </summary>
    public static JourneyStart Draw(Prng rng, BehaviourParameters parameters, DateTimeOffset start, RepAssignment rep, string journeyId)
    {
        // A real lead (it became an opportunity) of the intent and budget new leads have.
        var persona = new LeadPersona(true, rng.Uniform(0.3, 1), Math.Round(parameters.MedianBudget * (decimal)rng.LogNormal(1, 0.5), 0), rng.NextUInt64());
        var reached = (ConversationStep)rng.Next(Enum.GetValues<ConversationStep>().Length);
        // Its age: qualifying and a follow-up, then a step's mean days for each step passed, each part drawn.
        var ageDays = rng.Exponential(parameters.DaysBetweenFollowUps);
        for (var s = 0; s < (int)reached; s++) ageDays += rng.Exponential(parameters.DaysPerStep);
        return new JourneyStart
        {
            JourneyId = journeyId,
            At = start,
            Persona = persona,
            Rep = rep,
            InFlight = new InFlightDeal(reached, start - TimeSpan.FromDays(ageDays)),
        };
    }
}
