using System.Diagnostics;
using Growth.Domain.Access;
using Growth.Domain.Records;
using Growth.Grains.Journeys;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;

namespace Growth.Dashboard.Application.Records;

/// <summary>One page of a record list as served: the rows, the owners' names and what it cost.</summary>
/// <param name="ElapsedMs">Milliseconds from asking the shards to the merged page.</param>
public sealed record RecordListAnswer(string Kind, int Total, int Page, int PageSize, int Pages, IReadOnlyList<CustomerRecord> Rows,
    IReadOnlyDictionary<string, string> Owners, double ElapsedMs, int Archived = 0);

/// <summary>Every row a query matched (the CSV), with the owners' names.</summary>
public sealed record MatchingRecords(IReadOnlyList<CustomerRecord> Rows, IReadOnlyDictionary<string, string> Owners);

/// <summary>
/// The lists of leads, deals and customers: asks every shard of the workspace for its cut of the rows it keeps
/// (<see cref="IJourneyShardGrain.RecordsAsync"/>, one call per shard, in parallel, no journey called) and merges
/// them (<see cref="RecordList"/>). Cut to the viewer's part: a rep sees their own, a manager their team or region.
/// An overdue filter ages money at the workspace's own time (its figures' clock, as the Sales page's ageing chart does).
/// </summary>
public sealed class RecordsService(IGrainFactory grains, TimeProvider time)
{
    /// <summary>Rows the CSV holds at most (a larger export is refused, naming the limit; narrow the filters).</summary>
    public const int CsvLimit = 200_000;

    public async Task<Outcome<RecordListAnswer>> PageAsync(string workspace, FigureScope scope, RecordQuery query)
    {
        if (query.Validate() is { } wrong) return new Refusal(RefusalKind.Invalid, "Invalid record query", wrong);
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var clock = Stopwatch.StartNew();
        var page = RecordList.Merge(await SlicesAsync(workspace, scope, query, query.RowsThroughPage), query);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var owners = await OwnersAsync(workspace, page.Rows);
        return new RecordListAnswer(query.Kind.ToString(), page.Total, page.Page, page.PageSize, page.Pages, page.Rows, owners, elapsed,
            await ArchivedAsync(workspace));
    }

    public async Task<Outcome<MatchingRecords>> AllAsync(string workspace, FigureScope scope, RecordQuery query)
    {
        if (query.Validate() is { } wrong) return new Refusal(RefusalKind.Invalid, "Invalid record query", wrong);
        if (await grains.GetGrain<IWorkspaceGrain>(workspace).GetAsync() is null) return Refusal.UnknownWorkspace(workspace);
        var slices = await SlicesAsync(workspace, scope, query, CsvLimit + 1);
        if (slices.Sum(s => s.Total) is var total and > CsvLimit)
            return new Refusal(RefusalKind.Invalid, "Too many rows", $"{total} rows match; a CSV holds at most {CsvLimit}: narrow the filters");
        var rows = RecordList.All(slices, query);
        return new MatchingRecords(rows, await OwnersAsync(workspace, rows));
    }

    async Task<RecordSlice[]> SlicesAsync(string workspace, FigureScope scope, RecordQuery query, int limit)
    {
        if (query.Overdue is not null)
            query = query with { AsOf = (await grains.GetGrain<Growth.Grains.Figures.IWorkspaceStatisticsGrain>(workspace).GetSnapshotAsync())?.AsOf ?? time.GetUtcNow() };
        return await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => grains.GetGrain<IJourneyShardGrain>(Keys.Shard(workspace, i)).RecordsAsync(query, scope, limit)));
    }

    /// <summary>Journeys of the workspace archived by the retention rule (rules.archiveClosedAfterDays): listed by no query.</summary>
    Task<int> ArchivedAsync(string workspace) => Workspaces.WorkspaceJourneys.ArchivedCountAsync(grains, workspace);

    /// <summary>Rep id → name for the reps owning <paramref name="rows"/> (from the setup; a rep it does not name keeps its id).</summary>
    async Task<IReadOnlyDictionary<string, string>> OwnersAsync(string workspace, IReadOnlyList<CustomerRecord> rows)
    {
        var wanted = rows.Select(r => r.RepId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Count == 0 || await grains.GetGrain<ISetupGrain>(workspace).GetAsync() is not { } setup) return names;
        foreach (var rep in setup.Document.Organisation.Regions.SelectMany(r => r.Teams).SelectMany(t => t.Reps))
            if (wanted.Contains(rep.Id)) names.TryAdd(rep.Id, rep.Name);
        return names;
    }
}
