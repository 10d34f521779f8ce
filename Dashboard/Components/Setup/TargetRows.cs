using Growth.Domain.Setup;

namespace Growth.Dashboard.Components.Setup;

/// <summary>One row of the targets table: a level's target for the period, top-down beside the bottom-up sum of its reps' quotas.</summary>
public sealed record TargetRow(TargetLevel Level, string Id, string Name, decimal? TopDown, bool Explicit, decimal BottomUp);

/// <summary>The targets of one fiscal period, company, regions and teams, for the Setup page.</summary>
public static class TargetRows
{
    /// <summary>
    /// Top-down: the level's own target for <paramref name="period"/>, else its share of the company target by the
    /// document's allocation (by capacity; by history and even both split by rep count here, as the page has no
    /// history); bottom-up: the sum of its reps' quarterly quotas.
    /// </summary>
    public static IReadOnlyList<TargetRow> For(SetupDocument d, string period)
    {
        var targets = d.Targets.Targets.Where(t => string.Equals(t.Period, period, StringComparison.OrdinalIgnoreCase)).ToList();
        decimal? Own(TargetLevel level, string? id) =>
            targets.FirstOrDefault(t => t.Level == level && (level == TargetLevel.Company || t.Id == id))?.Amount;
        var allReps = d.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps).ToList();
        decimal Weight(IEnumerable<RepSetup> reps) => d.Targets.Allocation == TargetAllocation.ByCapacity
            ? reps.Sum(r => (decimal)Math.Max(0, r.Capacity))
            : reps.Count();
        var total = Weight(allReps);
        var company = Own(TargetLevel.Company, null);
        decimal? Share(IEnumerable<RepSetup> reps, decimal? of) => of is { } amount && total > 0 ? Math.Round(amount * Weight(reps) / total, 0) : null;

        var rows = new List<TargetRow> { new(TargetLevel.Company, "", d.Company.Name, company, company is not null, allReps.Sum(r => r.Quota)) };
        foreach (var region in d.Organisation.Regions)
        {
            var regionReps = region.Teams.SelectMany(t => t.Reps).ToList();
            var own = Own(TargetLevel.Region, region.Id);
            var regionTarget = own ?? Share(regionReps, company);
            rows.Add(new(TargetLevel.Region, region.Id, region.Name, regionTarget, own is not null, regionReps.Sum(r => r.Quota)));
            foreach (var team in region.Teams)
            {
                var teamOwn = Own(TargetLevel.Team, team.Id);
                var teamTarget = teamOwn ?? (own is { } r && Weight(regionReps) > 0 ? Math.Round(r * Weight(team.Reps) / Weight(regionReps), 0) : Share(team.Reps, company));
                rows.Add(new(TargetLevel.Team, team.Id, team.Name, teamTarget, teamOwn is not null, team.Reps.Sum(x => x.Quota)));
            }
        }
        return rows;
    }
}
