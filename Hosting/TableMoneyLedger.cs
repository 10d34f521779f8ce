using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure;
using Growth.Domain.Ledger;
using Growth.Grains.Ledger;
using Growth.Grains.Workspaces;

namespace Growth.Hosting;

/// <summary>
/// The ledger in Azure Table storage (table <see cref="TableName"/>). One partition per service, workspace and
/// journey shard, so a workspace's writes spread over <see cref="Keys.ShardCount"/> partitions and the entries of
/// one journey commit go in one entity-group transaction (all or nothing). Row key: journey id and event id,
/// escaped; an upsert of the same row is the same entry, which is what makes retries harmless. Amounts are kept as
/// invariant decimal strings (tables have no decimal type; a double would not add up exactly). Each row carries
/// <c>SchemaVersion</c> (<see cref="SchemaVersion"/>); rows written before the column existed (28 Nov to 2 Dec 2026)
/// have the same columns and read as version 1; a row of a newer version is refused, naming it.
/// </summary>
public sealed class TableMoneyLedger(GrowthHostingOptions options) : IMoneyLedger
{
    public const string TableName = "GrowthLedger";
    /// <summary>The row shape this build writes and reads (unchanged since the ledger began, 71abb70).</summary>
    public const int SchemaVersion = 1;
    /// <summary>Most operations in one entity-group transaction.</summary>
    const int TransactionLimit = 100;

    readonly TableClient table = new TableServiceClient(options.StorageConnectionString).GetTableClient(TableName);
    Task? ensure;

    public bool Durable => true;

    async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        var creating = ensure ??= table.CreateIfNotExistsAsync(CancellationToken.None);
        try { await creating.WaitAsync(cancellationToken); }
        catch (RequestFailedException)
        {
            // Not remembered: the next write tries again.
            _ = Interlocked.CompareExchange(ref ensure, null, creating);
            throw;
        }
    }

    string Partition(string workspace, int shard) => $"{options.ServiceId}~{workspace}~{shard}";

    public async Task AppendAsync(string workspace, string journeyId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0) return;
        await EnsureTableAsync(cancellationToken);
        var partition = Partition(workspace, Keys.ShardOf(journeyId));
        foreach (var chunk in entries.Chunk(TransactionLimit))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partition, e)));
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ReadAsync(string workspace, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        for (var shard = 0; shard < Keys.ShardCount; shard++)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(workspace, shard)}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                yield return FromEntity(Readable(entity));
        }
    }

    public async Task DeleteShardAsync(string workspace, int shard, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(workspace, shard)}");
        var keys = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            keys.Add(entity);
        foreach (var chunk in keys.Chunk(TransactionLimit))
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken);
    }

    static TableEntity ToEntity(string partition, LedgerEntry e) => new(partition, $"{Escape(e.JourneyId)}~{Escape(e.EventId)}")
    {
        ["JourneyId"] = e.JourneyId,
        ["EventId"] = e.EventId,
        ["Kind"] = e.Kind.ToString(),
        ["Amount"] = e.Amount.ToString(CultureInfo.InvariantCulture),
        ["At"] = e.At,
        ["RegionId"] = e.RegionId,
        ["TeamId"] = e.TeamId,
        ["RepId"] = e.RepId,
        ["CampaignId"] = e.CampaignId,
        ["SchemaVersion"] = SchemaVersion,
    };

    /// <summary>A row without the column is version 1 (the same columns); a newer one is refused, naming it.</summary>
    static TableEntity Readable(TableEntity t) => (t.GetInt32("SchemaVersion") ?? 1) is var version && version <= SchemaVersion ? t
        : throw new InvalidDataException($"ledger row {t.PartitionKey}/{t.RowKey} is schema version {version}, written by a newer Growth build; " +
            $"this build reads ledger rows up to version {SchemaVersion}. Nothing was changed: run that release (or a later one) against this storage.");

    static LedgerEntry FromEntity(TableEntity t) => new(
        t.GetString("JourneyId"),
        t.GetString("EventId"),
        Enum.Parse<MoneyKind>(t.GetString("Kind")),
        decimal.Parse(t.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture),
        t.GetDateTimeOffset("At") ?? throw new InvalidDataException($"ledger row {t.PartitionKey}/{t.RowKey} has no time"),
        t.GetString("RegionId"),
        t.GetString("TeamId"),
        t.GetString("RepId"),
        t.GetString("CampaignId"));

    // Table keys may not contain / \ # ? or control characters; event ids come from outside systems.
    static string Escape(string id) => Uri.EscapeDataString(id);
}
