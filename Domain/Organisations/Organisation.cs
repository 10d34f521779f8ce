using Growth.Domain.Journeys;

namespace Growth.Domain.Organisations;

/// <summary>How a team hands incoming leads to its reps.</summary>
/// <remarks>TerritoryOwner: the rep whose territory names the lead's segment, region and product line (the most of
/// them), least loaded among equals; a lead nobody's territory covers goes to the least-loaded rep.</remarks>
public enum AssignmentRule { LeastLoaded, RoundRobin, SkillMatch, TerritoryOwner }

/// <summary>A sales rep: skills per conversation step (0..1), capacity, incentive-driven effort.</summary>
public sealed record RepProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string TeamId { get; init; }
    /// <summary>The rep's role from the setup (<c>ae</c>, <c>sdr</c>…), which pay plans may apply to; null: none.</summary>
    public string? Role { get; init; }
    /// <summary>Skill per <see cref="ConversationStep"/>, each 0..1, indexed by the step.</summary>
    public required double[] Skills { get; init; }
    /// <summary>Open leads and opportunities the rep can work without slowing down.</summary>
    public int Capacity { get; init; } = 40;
    /// <summary>Incentive level 0..1: drives contact speed and the number of follow-ups.</summary>
    public double Incentive { get; init; } = 0.5;
    /// <summary>Revenue target for the period.</summary>
    public decimal Target { get; init; }
    /// <summary>When the rep joined (a rep hired recently is still ramping up); null: fully ramped.</summary>
    public DateTimeOffset? HireDate { get; init; }
    /// <summary>
    /// How hopeful the rep's judgement of a deal is, −1 (cautious) .. 1 (optimistic); 0 neutral (default; source: assumed).
    /// Optimistic reps expect earlier closes and call forecast categories higher (<see cref="Forecast.DealJudgement"/>).
    /// It never changes the simulated outcome, only the rep's forecast.
    /// </summary>
    public double Optimism { get; init; }
    /// <summary>What the rep covers (segments, regions, product lines); everywhere by default.</summary>
    public RepTerritory Territory { get; init; } = RepTerritory.Everywhere;

    public double Skill(ConversationStep step) => Skills[(int)step];
    public double AverageSkill => Skills.Average();
}

public sealed record TeamProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string RegionId { get; init; }
    public required string LeaderName { get; init; }
    public AssignmentRule Rule { get; init; } = AssignmentRule.LeastLoaded;
    public required IReadOnlyList<RepProfile> Reps { get; init; }
}

public sealed record RegionProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> TeamIds { get; init; }
}

public sealed record CampaignProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Channel Channel { get; init; }
    /// <summary>Spend per simulated day.</summary>
    public decimal DailyBudget { get; init; }
    /// <summary>Regions the campaign runs in (leads come from these).</summary>
    public required IReadOnlyList<string> RegionIds { get; init; }
    /// <summary>First instant the campaign runs (inclusive); null: since ever.</summary>
    public DateTimeOffset? Start { get; init; }
    /// <summary>Instant the campaign stops (exclusive); null: open-ended.</summary>
    public DateTimeOffset? End { get; init; }
    /// <summary>How spend buys reach (per touch by default, as every seeded campaign).</summary>
    public Setup.CostModel CostModel { get; init; } = Setup.CostModel.PerTouch;
    /// <summary>Cost per touch (PerTouch) or per lead (PerLead); null takes the channel's (per lead: cost per touch ÷ lead rate).</summary>
    public decimal? CostPerUnit { get; init; }
    /// <summary>People reached per day for a fixed fee (Fixed); null derives it from the daily budget and the channel's cost per touch.</summary>
    public double? ReachPerDay { get; init; }
    /// <summary>Share of its leads with real intent, 0..1 (1 − the setup's junk share); null takes the channel's.</summary>
    public double? EffectiveShare { get; init; }
}

/// <summary>Who is who in a workspace: the names behind the ids.</summary>
public sealed record Organisation
{
    public IReadOnlyList<RegionProfile> Regions { get; init; } = [];
    public IReadOnlyList<TeamProfile> Teams { get; init; } = [];
    public IReadOnlyList<CampaignProfile> Campaigns { get; init; } = [];
    /// <summary>Reps who left (the long run's turnover, or a setup that dropped them), oldest first: their rows stay, marked as left.</summary>
    public IReadOnlyList<DepartedRep> Departed { get; init; } = [];
    public IEnumerable<RepProfile> Reps => Teams.SelectMany(t => t.Reps);

    /// <summary>This organisation with <paramref name="left"/> recorded as departed at <paramref name="at"/> (a rep back on the roster is no longer departed).</summary>
    public Organisation WithDeparted(IEnumerable<RepProfile> left, DateTimeOffset at)
    {
        var roster = Reps.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var departed = Departed.Concat(left.Select(r => new DepartedRep(r.Id, r.Name, r.TeamId, at, r.Target)))
            .Where(d => !roster.Contains(d.Id)).GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        return this with { Departed = departed };
    }
}

/// <summary>
/// A rep who left at <paramref name="LeftAt"/>: named on the Sales page among the former reps; their closed revenue stays
/// in their team's figures, and <paramref name="Target"/> (the quarter's, held when they left) stays with their team until
/// that fiscal quarter ends (a quarter's numbers are fixed at its start).
/// </summary>
public sealed record DepartedRep(string Id, string Name, string TeamId, DateTimeOffset LeftAt, decimal Target);

/// <summary>
/// Picks the rep for an incoming lead. Pure: given the reps and their current open load.
/// </summary>
public static class LeadAssignment
{
    /// <summary>Index into <paramref name="reps"/> of the rep who takes the next lead.</summary>
    /// <param name="rule">The team's rule.</param>
    /// <param name="reps">The team's reps, in roster order.</param>
    /// <param name="loads">Open leads per rep, same order.</param>
    /// <param name="roundRobinCursor">How many leads the team has assigned so far (for round-robin).</param>
    /// <param name="tags">The lead's tags (for territory owner); null: an untagged lead.</param>
    /// <param name="regionId">The lead's region (for territory owner).</param>
    public static int Pick(AssignmentRule rule, IReadOnlyList<RepProfile> reps, IReadOnlyList<int> loads, long roundRobinCursor,
        LeadTags? tags = null, string? regionId = null)
    {
        if (reps.Count == 0) throw new InvalidOperationException("the team has no reps to assign to");
        switch (rule)
        {
            case AssignmentRule.RoundRobin:
                return (int)(roundRobinCursor % reps.Count);
            case AssignmentRule.SkillMatch:
            {
                // The most skilled rep who still has room; if nobody has room, the least loaded.
                var best = -1;
                for (var i = 0; i < reps.Count; i++)
                    if (loads[i] < reps[i].Capacity && (best < 0 || reps[i].AverageSkill > reps[best].AverageSkill)) best = i;
                return best >= 0 ? best : LeastLoaded(reps, loads);
            }
            case AssignmentRule.TerritoryOwner:
            {
                // The rep who owns the most of the lead's territory; least loaded among equal owners.
                var best = -1;
                var bestScore = -1;
                for (var i = 0; i < reps.Count; i++)
                {
                    var score = reps[i].Territory.Ownership(tags, regionId);
                    if (score < 0) continue;
                    if (score > bestScore || (score == bestScore && Relative(reps, loads, i) < Relative(reps, loads, best))) (best, bestScore) = (i, score);
                }
                return best >= 0 ? best : LeastLoaded(reps, loads);
            }
            default:
                return LeastLoaded(reps, loads);
        }
    }

    static double Relative(IReadOnlyList<RepProfile> reps, IReadOnlyList<int> loads, int i) => (double)loads[i] / Math.Max(1, reps[i].Capacity);

    static int LeastLoaded(IReadOnlyList<RepProfile> reps, IReadOnlyList<int> loads)
    {
        var best = 0;
        for (var i = 1; i < reps.Count; i++)
        {
            // Load relative to capacity; ties go to the earlier rep in the roster.
            if ((double)loads[i] / Math.Max(1, reps[i].Capacity) < (double)loads[best] / Math.Max(1, reps[best].Capacity)) best = i;
        }
        return best;
    }
}
