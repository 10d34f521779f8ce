using Growth.Domain.Journeys;
using Growth.Domain.Organisations;

namespace Growth.Domain.Figures;

/// <summary>
/// A workspace's win/loss review and notable events: the most recent lost deals and the events a leader should
/// notice (large wins, funnel anomalies that began), each kept newest first and bounded. It works on the two lists
/// it is given, which the statistics grain stores.
/// </summary>
public sealed class WinLossReview(List<DealOutcome> recentLosses, List<NotableEvent> notables)
{
    public const int RecentLossLimit = 50;
    public const int NotableLimit = 20;
    /// <summary>How many of each a snapshot shows.</summary>
    public const int ShownLosses = 20, ShownNotables = 10;
    /// <summary>A win this many times the average won value is a notable event.</summary>
    public const decimal LargeWinFactor = 2.5m;
    /// <summary>Fewest wins (at the last history point) for an average worth judging against.</summary>
    public const long LargeWinMinimumWins = 20;
    /// <summary>Most deadline-breach notables (<see cref="PoolBreaches"/>) kept among the <see cref="NotableLimit"/>: the oldest go first.</summary>
    public const int PoolReturnsKept = 5;

    public WinLossReview() : this([], []) { }

    /// <summary>Lost deals, newest first (deals closed at the same instant by journey id).</summary>
    public IReadOnlyList<DealOutcome> RecentLosses => recentLosses;

    /// <summary>Notable events, newest first.</summary>
    public IReadOnlyList<NotableEvent> Notables => notables;

    /// <summary>The losses and notable events a snapshot shows.</summary>
    public IReadOnlyList<DealOutcome> ShownRecentLosses => recentLosses.Take(ShownLosses).ToList();
    public IReadOnlyList<NotableEvent> ShownNotableEvents => notables.Take(ShownNotables).ToList();

    /// <summary>
    /// Takes a deal that just closed: a loss joins the recent losses; a win of at least <see cref="LargeWinFactor"/>
    /// times the average won value as of the last point of <paramref name="history"/> (so the same for every order in
    /// which closed deals arrive) is a notable event naming the rep. Returns the notable event it raised, if any.
    /// </summary>
    public NotableEvent? Take(DealOutcome outcome, WorkspaceHistory history, Organisation organisation)
    {
        if (!outcome.Won)
        {
            // Ties broken by id so the order does not depend on which shard answered first.
            var at = recentLosses.FindIndex(l => l.At < outcome.At || (l.At == outcome.At && string.CompareOrdinal(l.JourneyId, outcome.JourneyId) > 0));
            recentLosses.Insert(at < 0 ? recentLosses.Count : at, outcome);
            if (recentLosses.Count > RecentLossLimit) recentLosses.RemoveAt(recentLosses.Count - 1);
            return null;
        }
        var last = history.Points.Count > 0 ? history.Points[^1] : null;
        if (last is null || last.Won - last.WonValueUnknown < LargeWinMinimumWins) return null;
        var average = last.WonValue / (last.Won - last.WonValueUnknown);
        if (outcome.Amount < LargeWinFactor * average) return null;
        return Add(new NotableEvent("LargeWin",
            $"Large win: {outcome.Amount:N0} ({outcome.Amount / average:N1}x the average deal) by {RepName(organisation, outcome.RepId)}",
            outcome.At, outcome.JourneyId));
    }

    /// <summary>Each funnel anomaly that began at <paramref name="asOf"/> becomes a notable event; returns them in order.</summary>
    public IReadOnlyList<NotableEvent> TakeAnomalies(IEnumerable<StageHealth> began, DateTimeOffset asOf) =>
        began.Select(a => Add(new NotableEvent("Anomaly", $"{a.From} → {a.To} conversion fell to {a.Recent:P0} (baseline {a.Baseline:P0})", asOf))).ToList();

    static string RepName(Organisation organisation, string? repId) =>
        organisation.Reps.FirstOrDefault(r => r.Id == repId)?.Name ?? organisation.Departed.FirstOrDefault(r => r.Id == repId)?.Name ?? repId ?? "an unassigned rep";

    /// <summary>Takes a notable event raised outside the deals (the simulation's long run: a rep left or joined, quotas set).</summary>
    public NotableEvent Note(NotableEvent e) => Add(e);

    NotableEvent Add(NotableEvent e)
    {
        var at = notables.FindIndex(n => n.At < e.At);
        notables.Insert(at < 0 ? notables.Count : at, e);
        // Breaches keep at most their share; the list is newest first, so the last of the kind is the oldest.
        if (e.Kind == PoolBreaches.Kind && notables.Count(n => n.Kind == PoolBreaches.Kind) > PoolReturnsKept)
            notables.RemoveAt(notables.FindLastIndex(n => n.Kind == PoolBreaches.Kind));
        if (notables.Count > NotableLimit) notables.RemoveAt(notables.Count - 1);
        return e;
    }
}
