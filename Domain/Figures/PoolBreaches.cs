using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Figures;

/// <summary>
/// Deadline breaches as notable events: at each history point (a simulated day) every team whose leads went back to
/// the lead pool since the last point raises ONE notable event with the count and the team's total, so a team's
/// breaches make one line a day however many leads they are. The review keeps at most
/// <see cref="WinLossReview.PoolReturnsKept"/> of them among its notable events, so breaches cannot push the others out.
/// </summary>
public static class PoolBreaches
{
    public const string Kind = "PoolReturns";
    /// <summary>Why a lead goes back to the pool (the tallies count returns, not which rule sent each one).</summary>
    public const string Reason = "first-contact deadline missed or follow-ups unanswered";

    /// <summary>
    /// The notable events for the returns counted since the last point, biggest first (ties by team id), and
    /// <paramref name="seen"/> moved on to the teams' counts now. With nothing seen yet (a new or older record) it only
    /// takes the counts: returns from before the first point are not news.
    /// </summary>
    public static IReadOnlyList<NotableEvent> Take(ref Dictionary<string, long>? seen, WorkspaceFigures figures, Organisation organisation, DateTimeOffset asOf)
    {
        var now = figures.Teams.Where(t => t.Value[Count.ReturnedToPool] != 0)
            .ToDictionary(t => t.Key, t => t.Value[Count.ReturnedToPool], StringComparer.Ordinal);
        var before = seen;
        seen = now;
        if (before is null) return [];
        return now.Select(t => (Team: t.Key, Total: t.Value, New: t.Value - before.GetValueOrDefault(t.Key)))
            .Where(t => t.New > 0)
            .OrderByDescending(t => t.New).ThenBy(t => t.Team, StringComparer.Ordinal)
            .Select(t => new NotableEvent(Kind, Message(TeamName(organisation, t.Team), t.New, t.Total), asOf))
            .ToList();
    }

    /// <summary>"Team North: 4 returns to the lead pool in a day (first-contact deadline missed or follow-ups unanswered), 12 in all".</summary>
    public static string Message(string team, long returns, long total) =>
        $"{team}: {returns:N0} returns to the lead pool in a day ({Reason}), {total:N0} in all";

    static string TeamName(Organisation organisation, string teamId) =>
        organisation.Teams.FirstOrDefault(t => t.Id == teamId)?.Name ?? teamId;
}
