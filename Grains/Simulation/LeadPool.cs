using Growth.Domain.Journeys;
using Growth.Domain.Organisations;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Workspaces;

namespace Growth.Grains.Simulation;

/// <summary>
/// The lead pool of a simulation step: leads their reps gave back (untouched past the first-contact deadline, or
/// unanswered) go to a rep their team's rule picks (least loaded, round-robin or skill match), whose load the team counts.
/// </summary>
public static class LeadPool
{
    /// <summary>Reassigns the returned leads team by team, in order of return; one shard result per shard touched.</summary>
    /// <remarks>A lead whose team no longer exists (a setup removed it) stays in the pool.</remarks>
    public static async Task<ShardStepResult[]> ReassignAsync(IGrainFactory grains, string workspace, Organisation organisation,
        IReadOnlyList<PoolReturn> returned, ParametersRef parameters, DateTimeOffset until)
    {
        if (returned.Count == 0) return [];
        var teams = organisation.Teams.Select(t => t.Id).ToHashSet();
        var handovers = new List<JourneyHandover>(returned.Count);
        foreach (var team in returned.Where(r => teams.Contains(r.TeamId)).GroupBy(r => r.TeamId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var leads = team.OrderBy(r => r.At).ThenBy(r => r.JourneyId, StringComparer.Ordinal).ToList();
            var reps = await grains.GetGrain<ITeamGrain>(Keys.Of(workspace, team.Key)).AssignAsync(leads.Count);
            for (var i = 0; i < leads.Count; i++) handovers.Add(new JourneyHandover(leads[i].JourneyId, reps[i]));
        }
        return await Task.WhenAll(handovers.GroupBy(h => Keys.ShardOf(h.JourneyId))
            .Select(g => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, g.Key)).TakeFromPoolAsync(g.ToList(), parameters, until)));
    }
}
