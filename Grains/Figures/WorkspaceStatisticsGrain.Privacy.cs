using Growth.Domain.Privacy;

namespace Growth.Grains.Figures;

/// <summary>A customer's data on request: what the statistics keep that names one journey, and erasing its free text there.</summary>
public sealed partial class WorkspaceStatisticsGrain
{
    public Task<JourneyMentions> MentionsAsync(string journeyId) => Task.FromResult(new JourneyMentions(
        S.RecentLosses.Where(l => l.JourneyId == journeyId).ToList(),
        S.Notables.Where(n => n.JourneyId == journeyId).ToList()));

    public async Task<int> EraseCustomerAsync(string journeyId)
    {
        // Deals closed before the journey was erased may still wait in the shards: taken in first.
        if (S.Known) await DrainShardsAsync();
        var (losses, erased) = CustomerErasure.Erase(S.RecentLosses, journeyId);
        if (erased == 0) return 0;
        S.RecentLosses = losses;
        // The next snapshot (and what the live feed publishes) is built without it.
        dirty = true;
        await record.WriteStateAsync();
        return erased;
    }
}
