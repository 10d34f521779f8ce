using Growth.Domain.Setup;

namespace Growth.Dashboard.Components.Setup;

/// <summary>One row of the targets table: a level's target for the period, top-down beside the bottom-up sum of its reps' quotas.</summary>
public sealed record TargetRow(TargetLevel Level, string Id, string Name, decimal TopDown, bool Explicit, decimal BottomUp);

/// <summary>The targets of one fiscal period for the Setup page: company, regions and teams, from <see cref="TargetPlan"/>.</summary>
public static class TargetRows
{
    /// <summary>The rows of <paramref name="period"/> (the page has no revenue history: by-history allocation splits evenly).</summary>
    public static IReadOnlyList<TargetRow> For(SetupDocument d, FiscalPeriod period)
    {
        var sheet = TargetPlan.For(d, period);
        bool Explicit(TargetLevel level, string id) =>
            d.Targets.Targets.Any(t => t.Period == period.Name && t.Level == level && (level == TargetLevel.Company || t.Id == id));
        static decimal At(IReadOnlyDictionary<string, decimal> values, string id) => values.TryGetValue(id, out var v) ? v : 0;

        var rows = new List<TargetRow> { new(TargetLevel.Company, "", d.Company.Name, sheet.Company, Explicit(TargetLevel.Company, ""), sheet.BottomUp) };
        foreach (var region in d.Organisation.Regions)
        {
            rows.Add(new(TargetLevel.Region, region.Id, region.Name, At(sheet.Regions, region.Id), Explicit(TargetLevel.Region, region.Id),
                At(sheet.BottomUpRegions, region.Id)));
            foreach (var team in region.Teams)
                rows.Add(new(TargetLevel.Team, team.Id, team.Name, At(sheet.Teams, team.Id), Explicit(TargetLevel.Team, team.Id), At(sheet.BottomUpTeams, team.Id)));
        }
        return rows;
    }
}
