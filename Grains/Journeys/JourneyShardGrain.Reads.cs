using Growth.Domain.Journeys;

namespace Growth.Grains.Journeys;

/// <summary>What a shard answers about its journeys: their states (waking dormant ones), ids, counts and entries.</summary>
public sealed partial class JourneyShardGrain
{
    public async Task<IReadOnlyList<JourneyState>> StatesAsync()
    {
        // Every journey, dormant ones too: a dormant journey is woken to answer and goes back to sleep (JourneyGrain.GetAsync).
        var views = await Task.WhenAll(Entries.Keys.Order(StringComparer.Ordinal).Select(id => Journey(id).GetAsync()));
        return views.OfType<JourneyView>().Select(v => v.State).ToList();
    }

    public async Task<IReadOnlyList<JourneyState>> OpenJourneysOfAsync(IReadOnlyList<string> repIds)
    {
        // Closed journeys have nothing due; only the scheduled ones (dormant or not) can still be open.
        var ids = Entries.Where(j => j.Value.NextDue is not null).Select(j => j.Key).Order(StringComparer.Ordinal).ToList();
        var views = await Task.WhenAll(ids.Select(id => Journey(id).GetAsync()));
        return views.OfType<JourneyView>().Select(v => v.State)
            .Where(s => s.Status == JourneyStatus.Prospect && s.RepId is not null && repIds.Contains(s.RepId)).ToList();
    }

    public Task<IReadOnlyList<string>> JourneyIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Entries.Keys.Order(StringComparer.Ordinal).ToList());

    public Task<(int Journeys, int Scheduled, int Dormant)> CountAsync() =>
        Task.FromResult((Entries.Count, Entries.Values.Count(v => v.NextDue is not null), Entries.Values.Count(v => v.Dormant)));

    public Task<ShardEntry?> EntryAsync(string journeyId) =>
        Task.FromResult<ShardEntry?>(Entries.TryGetValue(journeyId, out var entry) ? entry : null);
}
