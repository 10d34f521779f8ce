using Growth.Domain.Figures;
using Growth.Domain.Organisations;

namespace Growth.Domain.Calibration;

/// <summary>The organisation a history names when nobody described one (a live feed): the groups its figures show.</summary>
public static class HistoryOrganisation
{
    /// <summary>
    /// Regions, teams in their region and reps in their team, as the snapshot names them; groups named only in events
    /// (no parent) are left out, and reps get average skills.
    /// </summary>
    public static Organisation Of(WorkspaceSnapshot snapshot)
    {
        var teams = snapshot.Teams.Where(t => t.ParentId is not null).Select(t => new TeamProfile
        {
            Id = t.Id,
            Name = t.Name,
            LeaderName = t.Name,
            RegionId = t.ParentId!,
            Reps = snapshot.Reps.Where(r => r.ParentId == t.Id)
                .Select(r => new RepProfile { Id = r.Id, Name = r.Name, TeamId = t.Id, Skills = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] }).ToList(),
        }).Where(t => t.Reps.Count > 0).ToList();
        var regions = snapshot.Regions.Select(r => new RegionProfile { Id = r.Id, Name = r.Name, TeamIds = teams.Where(t => t.RegionId == r.Id).Select(t => t.Id).ToList() })
            .Where(r => r.TeamIds.Count > 0).ToList();
        return new Organisation { Regions = regions, Teams = teams };
    }
}
