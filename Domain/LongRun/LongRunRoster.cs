using Growth.Domain.Organisations;
using Growth.Domain.Setup;

namespace Growth.Domain.LongRun;

/// <summary>
/// The long run's turnover written back to the setup, so its version history records who left and who joined and a
/// later version (edited from the current one) keeps the live roster: a rep who left is no longer in it, a hire is,
/// with their hire date and the seat's quarterly quota.
/// </summary>
public static class LongRunRoster
{
    /// <summary>
    /// <paramref name="setup"/> without the reps who left and with <paramref name="hired"/> in their teams (a hire whose
    /// team the setup does not have is left out). <paramref name="quotas"/> gives each hire's quota (the seat's target),
    /// else their own.
    /// </summary>
    public static SetupDocument Apply(SetupDocument setup, IReadOnlyList<RepProfile> left, IReadOnlyList<RepProfile> hired,
        IReadOnlyDictionary<string, decimal> quotas, DateTimeOffset at)
    {
        var gone = left.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var regions = setup.Organisation.Regions.Select(region => region with
        {
            Teams = region.Teams.Select(team => team with
            {
                Reps = [.. team.Reps.Where(r => !gone.Contains(r.Id)),
                    .. hired.Where(h => h.TeamId == team.Id && team.Reps.All(r => r.Id != h.Id)).Select(h => Rep(h, quotas.GetValueOrDefault(h.Id, h.Target), at))],
            }).ToList(),
        }).ToList();
        return setup with { Organisation = setup.Organisation with { Regions = regions } };
    }

    /// <summary>The version's note: "long run: Ann Lee (rep-1-1-2) left team-1-1; Bo Chen (rep-hire-1) joined team-1-1".</summary>
    public static string Note(IReadOnlyList<RepProfile> left, IReadOnlyList<RepProfile> hired) =>
        "long run: " + string.Join("; ", left.Select(r => $"{r.Name} ({r.Id}) left {r.TeamId}").Concat(hired.Select(r => $"{r.Name} ({r.Id}) joined {r.TeamId}")));

    static RepSetup Rep(RepProfile r, decimal quota, DateTimeOffset at) => new()
    {
        Id = r.Id,
        Name = r.Name,
        HireDate = DateOnly.FromDateTime(at.UtcDateTime),
        Capacity = r.Capacity,
        Skills = r.Skills.Length >= 6 ? SkillsSetup.From(r.Skills) : new SkillsSetup(),
        Incentive = r.Incentive,
        Optimism = r.Optimism,
        Quota = quota,
        Territory = new TerritorySetup { Segments = r.Territory.Segments.ToList(), Regions = r.Territory.Regions.ToList(), ProductLines = r.Territory.ProductLines.ToList() },
    };
}
