using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Growth.Hosting;

/// <summary>
/// Grain storage on Azure tables that keeps every grain's state in a row with a RowKey of its own
/// (<see cref="RowKeyOf"/>: the state name and the grain id), wrapping Orleans' table storage (which keeps its chunked
/// binary rows, ETags and serializer). Orleans' own layout keys a row by (service and grain id, state name), so every
/// journey's row had the RowKey <c>journey</c>; a store that indexes RowKey first (Azurite) then scanned every
/// journey for each point read and insert, in time growing with the journeys stored (README "The durable journey index").
/// <para>Rows of the layout before still read (<see cref="LayoutBefore"/>): when a grain has no row of its own, its row
/// of the layout before is read (with the ETag <see cref="LayoutBeforeETag"/>); its first write inserts the grain's own
/// row and then removes the old one, and a clear removes the old row first, so a cleared state never comes back from it. Both layouts are in the same table with
/// the same PartitionKey. A store with no row of the layout before (new, or every old row moved) is read once per grain
/// (<see cref="StorageLayoutCheck"/>).</para>
/// </summary>
public sealed class RowPerGrainStorage(IGrainStorage inner, TableClient table, string serviceId, ILogger<RowPerGrainStorage> logger) : IGrainStorage
{
    /// <summary>Whether rows of the layout before may be left: a new store, or one whose old rows have all moved, reads once.</summary>
    readonly StorageLayoutCheck layout = new(table, Sanitised(serviceId));

    /// <summary>The grain's own row: the state name and the grain id (Orleans sanitises '/', '\', '#' and '?' to '_').</summary>
    public static string RowKeyOf(string stateName, GrainId grainId) => $"{stateName}~{grainId}";

    /// <summary>The keys of a grain's row in Orleans' layout (before 2 Dec 2026): (service_grain id, state name).</summary>
    public static (string PartitionKey, string RowKey) LayoutBefore(string serviceId, string stateName, GrainId grainId) =>
        (Sanitised($"{serviceId}_{grainId}"), Sanitised(stateName));

    /// <summary>As Orleans' table storage makes a key of any text: '/', '\', '#' and '?' become '_'.</summary>
    static string Sanitised(string key) => key.Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');

    /// <summary>
    /// The ETag a state read from a row of the layout before carries (its own row does not exist yet): its first write
    /// inserts its own row and then removes the old one. Callers keep ETags as they are given, so it reaches the write.
    /// </summary>
    public const string LayoutBeforeETag = "growth:layout-before";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ReadStateAsync(RowKeyOf(stateName, grainId), grainId, grainState);
        // A row of its own, even a cleared one (an ETag without a record), hides the old layout's row.
        if (grainState.ETag is not null || !await layout.MayHoldLayoutBeforeAsync()) return;
        await inner.ReadStateAsync(stateName, grainId, grainState);
        if (grainState.ETag is not null) grainState.ETag = LayoutBeforeETag;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var fromLayoutBefore = grainState.ETag == LayoutBeforeETag;
        if (fromLayoutBefore) grainState.ETag = null;
        try
        {
            await inner.WriteStateAsync(RowKeyOf(stateName, grainId), grainId, grainState);
        }
        catch when (fromLayoutBefore)
        {
            grainState.ETag = LayoutBeforeETag;
            throw;
        }
        if (!fromLayoutBefore) return;
        // The state is safe in its own row, which hides the old one from now on: removing the old row only saves space,
        // so its failure is logged, not the write's (a clear removes it again).
        try
        {
            await DeleteLayoutBeforeAsync(stateName, grainId);
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning(e, "Grain {GrainId}'s state {State} moved to its own row; its row of the layout before was left (removed on the next clear)", grainId, stateName);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // The old row first: if the clear stops between the two, the state is not cleared (the caller hears of it)
        // but nothing older can come back.
        if (await layout.MayHoldLayoutBeforeAsync()) await DeleteLayoutBeforeAsync(stateName, grainId);
        if (grainState.ETag == LayoutBeforeETag) grainState.ETag = null;
        await inner.ClearStateAsync(RowKeyOf(stateName, grainId), grainId, grainState);
    }

    async Task DeleteLayoutBeforeAsync(string stateName, GrainId grainId)
    {
        var (partition, row) = LayoutBefore(serviceId, stateName, grainId);
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing of the layout before.
        }
    }
}
