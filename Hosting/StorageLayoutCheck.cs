using Azure;
using Azure.Data.Tables;

namespace Growth.Hosting;

/// <summary>
/// Whether a service's grain-state rows may still hold rows of Orleans' layout before (RowKey = the state name alone),
/// so that <see cref="RowPerGrainStorage"/> reads a grain's old row when it has none of its own. Decided once per
/// process and kept in the table as a marker row of the service (<see cref="Marker"/>):
/// <list type="bullet">
/// <item>the marker is there: no row of the layout before is left (no second read);</item>
/// <item>the service has no rows at all (a new store): nothing of the layout before can be there; the marker is written;</item>
/// <item>otherwise (a store written by a build before the marker): the old rows are looked for, RowKeys only, once
/// (<see cref="NoneLeftAsync"/>); while that runs and if any is found, reads fall back as before. When none is left the
/// marker is written and the fallback stops, for this process and every later one.</item>
/// </list>
/// Builds before this change do not know the marker: a store upgraded across it needs them stopped (README "Stored data
/// and its versions"), as the layout change itself did.
/// </summary>
public sealed class StorageLayoutCheck(TableClient table, string serviceId)
{
    /// <summary>The service's marker row: its PartitionKey cannot be a grain's (grain ids have a '/' that Orleans turns into '_').</summary>
    public static (string PartitionKey, string RowKey) Marker(string serviceId) => ($"{serviceId}_growth~layout", "rows~own");

    Task<bool>? decided;
    volatile bool layoutBeforeGone;

    /// <summary>The look for rows of the layout before, once started (a store without the marker); done otherwise.</summary>
    public Task Looking { get; private set; } = Task.CompletedTask;

    /// <summary>True while rows of the layout before may exist: the caller reads the old row when the grain has none of its own.</summary>
    public async ValueTask<bool> MayHoldLayoutBeforeAsync()
    {
        if (layoutBeforeGone) return false;
        var check = decided ??= DecideAsync();
        try
        {
            return await check;
        }
        catch (RequestFailedException)
        {
            // Asked again on the next read; until then the read falls back, which is always safe.
            _ = Interlocked.CompareExchange(ref decided, null, check);
            return true;
        }
    }

    async Task<bool> DecideAsync()
    {
        var (partition, row) = Marker(serviceId);
        if ((await table.GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue) return Gone();
        if (!await AnyRowAsync())
        {
            await WriteMarkerAsync();
            return Gone();
        }
        Looking = LookForOldRowsAsync();
        return true;
    }

    bool Gone()
    {
        layoutBeforeGone = true;
        return false;
    }

    Task WriteMarkerAsync()
    {
        var (partition, row) = Marker(serviceId);
        return table.UpsertEntityAsync(new TableEntity(partition, row) { ["WrittenAt"] = DateTimeOffset.UtcNow });
    }

    /// <summary>The filter of the service's rows: every PartitionKey starting "{service}_".</summary>
    string ServiceRows() => TableClient.CreateQueryFilter($"PartitionKey ge {serviceId + "_"} and PartitionKey lt {serviceId + "`"}");

    async Task<bool> AnyRowAsync()
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(ServiceRows(), maxPerPage: 1, select: ["PartitionKey"])) return true;
        return false;
    }

    /// <summary>Once per process for a store without the marker: the fallback stops when no row of the layout before is left.</summary>
    async Task LookForOldRowsAsync()
    {
        try
        {
            if (await NoneLeftAsync(table, serviceId))
            {
                await WriteMarkerAsync();
                layoutBeforeGone = true;
            }
        }
        catch (RequestFailedException)
        {
            // Left to the next process: reads keep falling back, as before the marker.
        }
    }

    /// <summary>True when no row of the service is in the layout before (a RowKey without the '~' of "{state}~{grain id}").</summary>
    public static async Task<bool> NoneLeftAsync(TableClient table, string serviceId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {serviceId + "_"} and PartitionKey lt {serviceId + "`"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]))
            if (!row.RowKey.Contains('~', StringComparison.Ordinal)) return false;
        return true;
    }
}
