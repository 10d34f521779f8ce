using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Grains.Organisations;

/// <summary>A team of about ten reps and a lead: assigns incoming leads by its rule. Key: "{workspace}/{teamId}".</summary>
public interface ITeamGrain : IGrainWithStringKey
{
    Task ConfigureAsync(TeamProfile team);

    /// <summary>Takes a changed roster (a setup change): reps who stay keep their open load, new reps start at none.</summary>
    Task ReconfigureAsync(TeamProfile team);

    /// <summary>Assigns each lead (in order) to a rep; returns one assignment per lead.</summary>
    Task<IReadOnlyList<RepAssignment>> AssignAsync(int leads);

    /// <summary>Assigns each tagged lead (in order) to a rep (the territory-owner rule reads the tags); one assignment per lead.</summary>
    Task<IReadOnlyList<RepAssignment>> AssignTaggedAsync(IReadOnlyList<LeadTags?> leads);

    /// <summary>Lowers the open load of the given reps by one each.</summary>
    Task ReleaseAsync(IReadOnlyList<string> repIds);

    /// <summary>Open load per rep id.</summary>
    Task<IReadOnlyDictionary<string, int>> GetLoadsAsync();
    Task<TeamProfile?> GetProfileAsync();
}
