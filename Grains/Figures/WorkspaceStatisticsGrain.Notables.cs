using Growth.Domain.Figures;
using Growth.Domain.Journeys;

namespace Growth.Grains.Figures;

/// <summary>Notable events the simulation raises itself, beside the ones the deals raise.</summary>
public sealed partial class WorkspaceStatisticsGrain
{
    public Task NoteAsync(IReadOnlyList<NotableEvent> notables)
    {
        var review = Review;
        foreach (var n in notables) unpublished.Add(review.Note(n));
        dirty = true;
        return Task.CompletedTask;
    }

    /// <summary>At a history point: one notable event per team whose leads went back to the lead pool since the last point.</summary>
    void NoteBreaches(DateTimeOffset asOf)
    {
        var seen = S.PoolReturnsSeen;
        var review = Review;
        foreach (var n in PoolBreaches.Take(ref seen, S.Figures, organisation, asOf)) unpublished.Add(review.Note(n));
        S.PoolReturnsSeen = seen;
    }
}
