using System.Security.Cryptography;
using System.Text;
using Growth.Domain.Access;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;

namespace Growth.Grains.Access;

[GenerateSerializer]
public sealed class IngestionKeyState
{
    [Id(0)] public IngestionKeyRecord? Key { get; set; }
}

public sealed class IngestionKeyGrain([PersistentState("key", GrainStorage.Name)] IPersistentState<IngestionKeyState> record) : Grain, IIngestionKeyGrain
{
    public Task<string?> VerifyAsync(string secretHash)
    {
        if (record.State.Key is not { Revoked: null } key) return Task.FromResult<string?>(null);
        var match = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(secretHash));
        return Task.FromResult(match ? key.Workspace : null);
    }

    public async Task CreateAsync(IngestionKeyRecord key)
    {
        if (record.State.Key is not null) throw new DomainException($"an ingestion key {key.Id} exists", DomainErrorKind.Conflict);
        record.State.Key = key;
        await record.WriteStateAsync();
    }

    public async Task<IngestionKeySummary?> RevokeAsync(DateTimeOffset at)
    {
        if (record.State.Key is not { } key) return null;
        if (key.Revoked is null)
        {
            record.State.Key = key = key with { Revoked = at };
            await record.WriteStateAsync();
        }
        return IngestionKeyDirectoryGrain.Summary(key);
    }
}
