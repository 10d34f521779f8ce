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
}
