using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Domain.Randomness;

namespace Growth.Domain.Simulation;

/// <summary>The customer base an organisation already has when its simulation starts: they repurchase, refer, pay and churn from day one.</summary>
public static class ExistingCustomers
{
    /// <summary>Share of existing customers who start with an open balance (assumed).</summary>
    const double OpenBalanceShare = 0.6;
    /// <summary>An open balance's median as a share of the list price (assumed).</summary>
    const decimal OpenBalanceOfListPrice = 0.6m;

    /// <summary>
    /// <paramref name="count"/> customers spread round-robin over the organisation's reps, drawn from the seed: the same
    /// seed gives the same customers.
    /// </summary>
    public static List<JourneyStart> Starts(ulong seed, int count, Organisation organisation, BehaviourParameters parameters, DateTimeOffset start)
    {
        var reps = organisation.Teams.SelectMany(t => t.Reps.Select(r => (Team: t, Rep: r))).ToList();
        var rng = new Prng(Prng.Derive(seed, "existing-customers"));
        var starts = new List<JourneyStart>(count);
        for (var i = 0; i < count && reps.Count > 0; i++)
        {
            var (team, rep) = reps[i % reps.Count];
            var persona = new LeadPersona(true, rng.Uniform(0.5, 1), Math.Round(parameters.MedianBudget * (decimal)rng.LogNormal(1, 0.5), 0), rng.NextUInt64());
            var balance = rng.Chance(OpenBalanceShare) ? Math.Round(parameters.ListPrice * OpenBalanceOfListPrice * (decimal)rng.LogNormal(1, 0.5), 0) : 0m;
            starts.Add(new JourneyStart
            {
                JourneyId = $"customer-{i + 1}",
                At = start,
                Existing = true,
                OpeningBalance = balance,
                Persona = persona,
                Rep = new RepAssignment(team.RegionId, team.Id, rep.Id, rep.Skills, rep.Incentive, 0, rep.Capacity),
            });
        }
        return starts;
    }
}
