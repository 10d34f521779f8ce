namespace Growth.Grains.Backup;

/// <summary>A journey shard forgetting everything (its journeys and their ledger slice) and leaving memory, around a restore. Key: "{workspace}/shard-{n}".</summary>
public interface IShardDiscardGrain : IGrainWithStringKey
{
    Task DiscardAsync();
}
