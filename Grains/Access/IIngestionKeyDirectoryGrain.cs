using Growth.Domain.Access;

namespace Growth.Grains.Access;

/// <summary>The list of ingestion keys (no secrets, no hashes). Key: 0.</summary>
public interface IIngestionKeyDirectoryGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<IngestionKeySummary>> ListAsync();

    /// <summary>Stores a new key and lists it.</summary>
    Task<IngestionKeySummary> CreateAsync(IngestionKeyRecord record);

    /// <summary>Revokes a key; null if there is none of that id.</summary>
    Task<IngestionKeySummary?> RevokeAsync(string id, DateTimeOffset at);
}
