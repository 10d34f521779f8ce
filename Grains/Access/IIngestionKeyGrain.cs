using Growth.Domain.Access;
using Orleans.Concurrency;

namespace Growth.Grains.Access;

/// <summary>One ingestion key. Key: the key's id.</summary>
public interface IIngestionKeyGrain : IGrainWithStringKey
{
    /// <summary>The workspace the key writes to, if <paramref name="secretHash"/> matches and the key is not revoked; null otherwise.</summary>
    [ReadOnly] Task<string?> VerifyAsync(string secretHash);

    /// <summary>Stores a new key; refused if the id is taken.</summary>
    Task CreateAsync(IngestionKeyRecord record);

    /// <summary>Revokes the key from now on; the record stays for the audit.</summary>
    Task<IngestionKeySummary?> RevokeAsync(DateTimeOffset at);
}
