using Growth.Domain.Access;
using Growth.Domain.Records;
using Growth.Domain.Simulation;

namespace Growth.Grains.Journeys;

/// <summary>
/// The shard's part of the record lists' read model: one compact row per journey (<see cref="CompactRecords"/>, handed
/// out as <see cref="CustomerRecord"/>), replaced each time a journey reports a change to its shard, so a list is answered
/// from memory without waking a journey. The rows are in memory only: never stored, never sent as they are kept.
/// The rows live with the activation: a shard reactivated with journeys rebuilds them once, at the first list asked of it.
/// </summary>
public sealed partial class JourneyShardGrain
{
    readonly CompactRecords rows = new();
    // Journeys known to the shard whose rows died with an earlier activation.
    bool rowsIncomplete;

    public async Task<RecordSlice> RecordsAsync(RecordQuery query, FigureScope scope, int limit)
    {
        await ReadyRowsAsync();
        return rows.Slice(query, scope, limit);
    }

    public async Task<IReadOnlyList<Domain.Journeys.JourneyState>> DealStatesAsync()
    {
        await ReadyRowsAsync();
        return rows.Deals().Select(r => r.DealState()).OfType<Domain.Journeys.JourneyState>().OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<Domain.Pool.PoolSlice> PoolAsync(FigureScope scope, DateTimeOffset now, double deadlineHours, int limit)
    {
        await ReadyRowsAsync();
        return rows.Pool(scope, now, deadlineHours, limit);
    }

    public async Task<Domain.Grades.GradeSlice> GradesAsync(FigureScope scope, DateTimeOffset from, DateTimeOffset to)
    {
        await ReadyRowsAsync();
        return Domain.Grades.IntentGradeView.Slice(rows.Unnamed(), scope, from, to);
    }

    public async Task<IReadOnlyList<OpenLead>> OpenLeadsOfAsync(IReadOnlyList<string> repIds)
    {
        if (rowsIncomplete) await RebuildRowsAsync();
        var reps = repIds.ToHashSet(StringComparer.Ordinal);
        return rows.OpenOf(reps).Where(r => r.Status == Domain.Journeys.JourneyStatus.Prospect && r.RepId is { } rep && reps.Contains(rep)
                && Entries.TryGetValue(r.JourneyId, out var e) && e.NextDue is not null)
            .OrderBy(r => r.JourneyId, StringComparer.Ordinal).Select(r => new OpenLead(r.JourneyId, r.RepId!, r.TeamId, r.RegionId)).ToList();
    }

    public Task<bool> EraseRecordAsync(string journeyId)
    {
        return Task.FromResult(rows.Erase(journeyId) || Entries.ContainsKey(journeyId));
    }

    void Keep(CustomerRecord row) => rows.Keep(row, SharedId(row.JourneyId));

    /// <summary>The id string the shard's journey list already holds (one copy per journey, not one per list), else <paramref name="id"/>.</summary>
    string SharedId(string id) =>
        entries.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) && lookup.TryGetValue(id.AsSpan(), out var known, out _) ? known : id;

    /// <summary>Every journey's row: rebuilt from the journeys if they outlived the rows; names drawn once the locale is known.</summary>
    async Task ReadyRowsAsync()
    {
        if (rowsIncomplete) await RebuildRowsAsync();
        if (rows.Locale is null) await ReadNameLocaleAsync();
    }

    /// <summary>
    /// The locale simulated customers' faces are drawn in: Chinese when the workspace's setup writes in a Chinese culture
    /// (<see cref="PersonaNames.LocaleOf"/>), read once per activation at the first list asked of it, not as the shard
    /// starts (which would wake the setup grain with every shard, a restore's or a discard's included). A setup that
    /// changes the culture names the journeys kept after the shard's next activation in the new locale.
    /// </summary>
    async Task ReadNameLocaleAsync()
    {
        var setup = await GrainFactory.GetGrain<Growth.Grains.Setup.ISetupGrain>(Workspace).GetAsync();
        rows.Locale = PersonaNames.LocaleOf(setup?.Document.Company.Currency.Culture);
    }

    async Task RebuildRowsAsync()
    {
        var missing = Entries.Keys.Where(id => !rows.Contains(id)).ToList();
        var found = await Task.WhenAll(missing.Select(id => Journey(id).RecordAsync()));
        foreach (var row in found.OfType<CustomerRecord>()) Keep(row);
        rowsIncomplete = false;
    }
}
