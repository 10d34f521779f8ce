using Azure.Data.Tables;
using Growth.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Growth.Dashboard.Tests;

/// <summary>
/// When the grain storage stops looking for rows of Orleans' layout before (<see cref="StorageLayoutCheck"/>), on a real
/// Azurite table: a new store never reads twice, a store still holding old rows keeps reading them, and a store whose
/// old rows have all moved is marked once and then reads once.
/// </summary>
public class StorageLayoutCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    async Task<TableClient> TableAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("LayoutCheck");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    static string NewService() => $"svc{Guid.NewGuid():N}"[..16];

    static async Task<bool> MarkedAsync(TableClient table, string service)
    {
        var (partition, row) = StorageLayoutCheck.Marker(service);
        return (await table.GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue;
    }

    /// <summary>Orleans' table storage as far as the wrapper sees it: counts the reads of each RowKey, finds nothing.</summary>
    sealed class CountingStorage : IGrainStorage
    {
        public List<string> Reads { get; } = [];
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Reads.Add(stateName);
            return Task.CompletedTask;
        }
        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_store_is_marked_and_a_grain_without_a_row_is_read_once()
    {
        var table = await TableAsync();
        var service = NewService();
        var inner = new CountingStorage();
        var storage = new RowPerGrainStorage(inner, table, service, NullLogger<RowPerGrainStorage>.Instance);
        var grain = GrainId.Create("journey", "ws+cust-1");

        await storage.ReadStateAsync("journey", grain, new GrainState<int>());
        await storage.ReadStateAsync("journey", GrainId.Create("journey", "ws+cust-2"), new GrainState<int>());

        Assert.Equal([RowPerGrainStorage.RowKeyOf("journey", grain), RowPerGrainStorage.RowKeyOf("journey", GrainId.Create("journey", "ws+cust-2"))], inner.Reads);
        Assert.True(await MarkedAsync(table, service));
    }

    [Fact]
    public async Task A_store_with_a_row_of_the_layout_before_keeps_reading_it_and_is_not_marked()
    {
        var table = await TableAsync();
        var service = NewService();
        var grain = GrainId.Create("journey", "ws+old");
        var (partition, row) = RowPerGrainStorage.LayoutBefore(service, "journey", grain);
        await table.AddEntityAsync(new TableEntity(partition, row));
        var check = new StorageLayoutCheck(table, service);

        Assert.True(await check.MayHoldLayoutBeforeAsync());
        await check.Looking;
        Assert.True(await check.MayHoldLayoutBeforeAsync());
        Assert.False(await MarkedAsync(table, service));
        var inner = new CountingStorage();
        await new RowPerGrainStorage(inner, table, service, NullLogger<RowPerGrainStorage>.Instance).ReadStateAsync("journey", grain, new GrainState<int>());
        Assert.Equal([RowPerGrainStorage.RowKeyOf("journey", grain), "journey"], inner.Reads);
    }

    [Fact]
    public async Task A_store_whose_rows_have_all_moved_is_marked_after_one_look_and_the_next_process_reads_once()
    {
        var table = await TableAsync();
        var service = NewService();
        var grain = GrainId.Create("journey", "ws+moved");
        var (partition, _) = RowPerGrainStorage.LayoutBefore(service, "journey", grain);
        // Its own row, as Orleans keys it (a grain id's "/" becomes "_").
        await table.AddEntityAsync(new TableEntity(partition, RowPerGrainStorage.RowKeyOf("journey", grain).Replace('/', '_')));
        // Another service's old row is not this service's concern.
        var other = RowPerGrainStorage.LayoutBefore(service + "x", "journey", grain);
        await table.AddEntityAsync(new TableEntity(other.PartitionKey, other.RowKey));

        var check = new StorageLayoutCheck(table, service);
        Assert.True(await check.MayHoldLayoutBeforeAsync());
        await check.Looking;
        Assert.False(await check.MayHoldLayoutBeforeAsync());
        Assert.True(await MarkedAsync(table, service));

        var inner = new CountingStorage();
        await new RowPerGrainStorage(inner, table, service, NullLogger<RowPerGrainStorage>.Instance).ReadStateAsync("journey", grain, new GrainState<int>());
        Assert.Equal([RowPerGrainStorage.RowKeyOf("journey", grain)], inner.Reads);
    }
}
