using Growth.Domain.Access;
using Growth.Domain.Records;
using Growth.Domain.Simulation;

namespace Growth.Grains.Journeys;

/// <summary>
/// The shard's part of the record lists' read model: one compact row per journey (<see cref="CustomerRecord"/>), replaced
/// each time a journey reports a change to its shard, so a list is answered from memory without waking a journey.
/// The rows live with the activation: a shard reactivated with journeys rebuilds them once, at the first list asked of it.
/// </summary>
public sealed partial class JourneyShardGrain
{
    readonly Dictionary<string, CustomerRecord> rows = new(StringComparer.Ordinal);
    // Journeys known to the shard whose rows died with an earlier activation.
    bool rowsIncomplete;
    // The locale simulated customers' names are drawn in: read from the setup at the first list asked of this activation.
    string? nameLocale;

    public async Task<RecordSlice> RecordsAsync(RecordQuery query, FigureScope scope, int limit)
    {
        await ReadyRowsAsync();
        return RecordList.Slice(rows.Values, query, scope, limit);
    }

    public async Task<IReadOnlyList<Domain.Journeys.JourneyState>> DealStatesAsync()
    {
        await ReadyRowsAsync();
        return rows.Values.Select(r => r.DealState()).OfType<Domain.Journeys.JourneyState>().OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<Domain.Pool.PoolSlice> PoolAsync(FigureScope scope, DateTimeOffset now, double deadlineHours, int limit)
    {
        await ReadyRowsAsync();
        return Domain.Pool.LeadPoolView.Slice(rows.Values, scope, now, deadlineHours, limit);
    }

    public async Task<Domain.Grades.GradeSlice> GradesAsync(FigureScope scope, DateTimeOffset from, DateTimeOffset to)
    {
        await ReadyRowsAsync();
        return Domain.Grades.IntentGradeView.Slice(rows.Values, scope, from, to);
    }

    public async Task<IReadOnlyList<OpenLead>> OpenLeadsOfAsync(IReadOnlyList<string> repIds)
    {
        if (rowsIncomplete) await RebuildRowsAsync();
        var reps = repIds.ToHashSet(StringComparer.Ordinal);
        return rows.Values.Where(r => r.Status == Domain.Journeys.JourneyStatus.Prospect && r.RepId is { } rep && reps.Contains(rep)
                && Entries.TryGetValue(r.JourneyId, out var e) && e.NextDue is not null)
            .OrderBy(r => r.JourneyId, StringComparer.Ordinal).Select(r => new OpenLead(r.JourneyId, r.RepId!, r.TeamId, r.RegionId)).ToList();
    }

    public Task<bool> EraseRecordAsync(string journeyId)
    {
        if (!rows.TryGetValue(journeyId, out var row)) return Task.FromResult(Entries.ContainsKey(journeyId));
        rows[journeyId] = row.Blanked();
        return Task.FromResult(true);
    }

    void Keep(CustomerRecord row) => rows[row.JourneyId] = row.Named(rows.GetValueOrDefault(row.JourneyId), nameLocale);

    /// <summary>Every journey's row, named: rebuilt from the journeys if they outlived the rows, and named once the locale is known.</summary>
    async Task ReadyRowsAsync()
    {
        if (rowsIncomplete) await RebuildRowsAsync();
        if (nameLocale is not null) return;
        await ReadNameLocaleAsync();
        foreach (var (id, row) in rows.ToList()) rows[id] = row.Named(null, nameLocale);
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
        nameLocale = PersonaNames.LocaleOf(setup?.Document.Company.Currency.Culture);
    }

    async Task RebuildRowsAsync()
    {
        var missing = Entries.Keys.Where(id => !rows.ContainsKey(id)).ToList();
        var found = await Task.WhenAll(missing.Select(id => Journey(id).RecordAsync()));
        foreach (var row in found.OfType<CustomerRecord>()) Keep(row);
        rowsIncomplete = false;
    }
}
