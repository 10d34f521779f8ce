using Growth.Domain.Access;
using Growth.Grains.Runtime;

namespace Growth.Grains.Access;

[GenerateSerializer]
public sealed class UserRecord
{
    [Id(0)] public UserAccount? Account { get; set; }
}

public sealed class UserGrain([PersistentState("user", GrainStorage.Name)] IPersistentState<UserRecord> record) : Grain, IUserGrain
{
    public Task<UserAccount?> GetAsync() => Task.FromResult(record.State.Account);

    public async Task SetAsync(UserAccount account)
    {
        record.State.Account = account;
        await record.WriteStateAsync();
    }

    public async Task DeleteAsync()
    {
        record.State.Account = null;
        await record.ClearStateAsync();
    }
}
