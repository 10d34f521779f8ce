using System.Text.Json;
using Growth.Domain.Organisations;

namespace Growth.Domain.Setup;

/// <summary>
/// What a running simulation must change to go from one organisation to another: reps who joined, changed or left,
/// teams and regions new or changed, campaigns new, changed or stopped. Matched by id. Pure.
/// </summary>
public sealed record OrganisationChanges
{
    public IReadOnlyList<RepProfile> RepsJoined { get; init; } = [];
    public IReadOnlyList<RepProfile> RepsChanged { get; init; } = [];
    public IReadOnlyList<RepProfile> RepsLeft { get; init; } = [];
    public IReadOnlyList<TeamProfile> TeamsAdded { get; init; } = [];
    public IReadOnlyList<TeamProfile> TeamsChanged { get; init; } = [];
    public IReadOnlyList<string> TeamsRemoved { get; init; } = [];
    public IReadOnlyList<RegionProfile> RegionsAdded { get; init; } = [];
    public IReadOnlyList<string> RegionsRemoved { get; init; } = [];
    public IReadOnlyList<CampaignProfile> CampaignsAdded { get; init; } = [];
    public IReadOnlyList<CampaignProfile> CampaignsChanged { get; init; } = [];
    public IReadOnlyList<string> CampaignsStopped { get; init; } = [];

    public bool IsEmpty => RepsJoined.Count + RepsChanged.Count + RepsLeft.Count + TeamsAdded.Count + TeamsChanged.Count
        + TeamsRemoved.Count + RegionsAdded.Count + RegionsRemoved.Count + CampaignsAdded.Count + CampaignsChanged.Count + CampaignsStopped.Count == 0;

    public static OrganisationChanges Between(Organisation before, Organisation after)
    {
        var oldReps = before.Reps.ToDictionary(r => r.Id);
        var newReps = after.Reps.ToDictionary(r => r.Id);
        var oldTeams = before.Teams.ToDictionary(t => t.Id);
        var oldRegions = before.Regions.Select(r => r.Id).ToHashSet();
        var oldCampaigns = before.Campaigns.ToDictionary(c => c.Id);
        var newCampaigns = after.Campaigns.Select(c => c.Id).ToHashSet();
        return new OrganisationChanges
        {
            RepsJoined = after.Reps.Where(r => !oldReps.ContainsKey(r.Id)).ToList(),
            RepsChanged = after.Reps.Where(r => oldReps.TryGetValue(r.Id, out var old) && !Same(old, r)).ToList(),
            RepsLeft = before.Reps.Where(r => !newReps.ContainsKey(r.Id)).ToList(),
            TeamsAdded = after.Teams.Where(t => !oldTeams.ContainsKey(t.Id)).ToList(),
            TeamsChanged = after.Teams.Where(t => oldTeams.TryGetValue(t.Id, out var old) && !Same(old, t)).ToList(),
            TeamsRemoved = before.Teams.Select(t => t.Id).Except(after.Teams.Select(t => t.Id)).ToList(),
            RegionsAdded = after.Regions.Where(r => !oldRegions.Contains(r.Id)).ToList(),
            RegionsRemoved = oldRegions.Except(after.Regions.Select(r => r.Id)).ToList(),
            CampaignsAdded = after.Campaigns.Where(c => !oldCampaigns.ContainsKey(c.Id)).ToList(),
            CampaignsChanged = after.Campaigns.Where(c => oldCampaigns.TryGetValue(c.Id, out var old) && !Same(old, c)).ToList(),
            CampaignsStopped = before.Campaigns.Select(c => c.Id).Where(id => !newCampaigns.Contains(id)).ToList(),
        };
    }

    /// <summary>One line for a person: "2 reps joined (Dana, Eli); 1 rep left (Bob); campaign Fair changed".</summary>
    public string Summary()
    {
        var parts = new List<string>();
        void Add<T>(IReadOnlyList<T> items, string one, string many, Func<T, string> name)
        {
            if (items.Count == 0) return;
            var names = string.Join(", ", items.Take(5).Select(name)) + (items.Count > 5 ? ", …" : "");
            parts.Add($"{items.Count} {(items.Count == 1 ? one : many)} ({names})");
        }
        Add(RepsJoined, "rep joined", "reps joined", r => r.Name);
        Add(RepsLeft, "rep left", "reps left", r => r.Name);
        Add(RepsChanged, "rep changed", "reps changed", r => r.Name);
        Add(TeamsAdded, "team added", "teams added", t => t.Name);
        Add(TeamsRemoved, "team removed", "teams removed", t => t);
        Add(RegionsAdded, "region added", "regions added", r => r.Name);
        Add(RegionsRemoved, "region removed", "regions removed", r => r);
        Add(CampaignsAdded, "campaign added", "campaigns added", c => c.Name);
        Add(CampaignsChanged, "campaign changed", "campaigns changed", c => c.Name);
        Add(CampaignsStopped, "campaign stopped", "campaigns stopped", c => c);
        return string.Join("; ", parts);
    }

    static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
