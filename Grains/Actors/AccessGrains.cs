using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using System.Text;
using Growth.Grains.Contracts;
using Growth.Grains.Hosting;
using Growth.Grains.Model.Access;

namespace Growth.Grains.Actors;

[GenerateSerializer]
public sealed class UserRecord
{
    [Id(0)] public UserAccount? Account { get; set; }
}

public sealed class UserGrain([PersistentState("user", GrowthSilo.StorageName)] IPersistentState<UserRecord> record) : Grain, IUserGrain
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

[GenerateSerializer]
public sealed class UserDirectoryRecord
{
    /// <summary>User name to whether the user administers every workspace.</summary>
    [Id(0)] public SortedDictionary<string, bool> Users { get; set; } = new(StringComparer.Ordinal);
}

public sealed class UserDirectoryGrain(
    [PersistentState("users", GrowthSilo.StorageName)] IPersistentState<UserDirectoryRecord> record,
    [FromKeyedServices(GrowthSilo.ClockKey)] TimeProvider clock) : Grain, IUserDirectoryGrain
{
    public Task<bool> AnyAsync() => Task.FromResult(record.State.Users.Count > 0);

    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var accounts = await Task.WhenAll(record.State.Users.Keys.Select(n => GrainFactory.GetGrain<IUserGrain>(n).GetAsync()));
        return accounts.OfType<UserAccount>().Select(Summary).ToList();
    }

    public async Task<UserSummary> CreateAsync(string name, string passwordHash, IReadOnlyList<Grant> grants)
    {
        name = Checked(name);
        if (record.State.Users.ContainsKey(name)) throw new DomainException($"a user named {name} exists", DomainErrorKind.Conflict);
        Validate(grants);
        var account = new UserAccount { Name = name, PasswordHash = passwordHash, Grants = grants, Stamp = NewStamp(), Created = clock.GetUtcNow() };
        await GrainFactory.GetGrain<IUserGrain>(name).SetAsync(account);
        record.State.Users[name] = account.IsAdministrator;
        await record.WriteStateAsync();
        return Summary(account);
    }

    public async Task<bool> CreateFirstAdminAsync(string name, string passwordHash)
    {
        if (record.State.Users.Values.Any(admin => admin)) return false;
        await CreateAsync(name, passwordHash, [new Grant(Grant.AllWorkspaces, Role.Admin)]);
        return true;
    }

    public async Task<UserSummary> SetGrantsAsync(string name, IReadOnlyList<Grant> grants)
    {
        var account = await ExistingAsync(name);
        Validate(grants);
        if (account.IsAdministrator && !AccessRules.IsAdministrator(grants) && record.State.Users.Count(u => u.Value) == 1)
            throw new DomainException($"{account.Name} is the last administrator; make another one first", DomainErrorKind.Conflict);
        account = account with { Grants = grants };
        await GrainFactory.GetGrain<IUserGrain>(account.Name).SetAsync(account);
        record.State.Users[account.Name] = account.IsAdministrator;
        await record.WriteStateAsync();
        return Summary(account);
    }

    public async Task SetPasswordHashAsync(string name, string passwordHash)
    {
        var account = await ExistingAsync(name);
        await GrainFactory.GetGrain<IUserGrain>(account.Name).SetAsync(account with { PasswordHash = passwordHash, Stamp = NewStamp() });
    }

    public async Task DeleteAsync(string name)
    {
        var account = await ExistingAsync(name);
        if (account.IsAdministrator && record.State.Users.Count(u => u.Value) == 1)
            throw new DomainException($"{account.Name} is the last administrator", DomainErrorKind.Conflict);
        await GrainFactory.GetGrain<IUserGrain>(account.Name).DeleteAsync();
        record.State.Users.Remove(account.Name);
        await record.WriteStateAsync();
    }

    async Task<UserAccount> ExistingAsync(string name)
    {
        name = Checked(name);
        return (record.State.Users.ContainsKey(name) ? await GrainFactory.GetGrain<IUserGrain>(name).GetAsync() : null)
            ?? throw new DomainException($"no user named {name}", DomainErrorKind.NotFound);
    }

    static string Checked(string name)
    {
        var normal = UserNames.Normalise(name);
        return UserNames.IsValid(normal) ? normal : throw new DomainException($"'{name}' is not a user name: {UserNames.Rule}");
    }

    static void Validate(IReadOnlyList<Grant> grants)
    {
        if (grants.Select(g => g.Problem()).FirstOrDefault(p => p is not null) is { } problem) throw new DomainException(problem);
    }

    static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    static UserSummary Summary(UserAccount a) => new(a.Name, a.Grants, a.Created);
}

[GenerateSerializer]
public sealed class IngestionKeyState
{
    [Id(0)] public IngestionKeyRecord? Key { get; set; }
}

public sealed class IngestionKeyGrain([PersistentState("key", GrowthSilo.StorageName)] IPersistentState<IngestionKeyState> record) : Grain, IIngestionKeyGrain
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

[GenerateSerializer]
public sealed class IngestionKeyDirectoryRecord
{
    [Id(0)] public List<IngestionKeySummary> Keys { get; set; } = [];
}

public sealed class IngestionKeyDirectoryGrain(
    [PersistentState("keys", GrowthSilo.StorageName)] IPersistentState<IngestionKeyDirectoryRecord> record) : Grain, IIngestionKeyDirectoryGrain
{
    public Task<IReadOnlyList<IngestionKeySummary>> ListAsync() => Task.FromResult<IReadOnlyList<IngestionKeySummary>>(record.State.Keys.ToList());

    public async Task<IngestionKeySummary> CreateAsync(IngestionKeyRecord key)
    {
        if (!Names.IsValidWorkspaceName(key.Workspace)) throw new DomainException($"workspace '{key.Workspace}' is not a workspace name");
        await GrainFactory.GetGrain<IIngestionKeyGrain>(key.Id).CreateAsync(key);
        var summary = Summary(key);
        record.State.Keys.Add(summary);
        await record.WriteStateAsync();
        return summary;
    }

    public async Task<IngestionKeySummary?> RevokeAsync(string id, DateTimeOffset at)
    {
        var index = record.State.Keys.FindIndex(k => k.Id == id);
        if (index < 0) return null;
        // The key itself first: from this moment no request gets through with it.
        var revoked = await GrainFactory.GetGrain<IIngestionKeyGrain>(id).RevokeAsync(at);
        if (revoked is null) return null;
        record.State.Keys[index] = revoked;
        await record.WriteStateAsync();
        return revoked;
    }

    internal static IngestionKeySummary Summary(IngestionKeyRecord k) => new(k.Id, k.Workspace, k.Label, k.Created, k.CreatedBy, k.Revoked);
}

file static class Names
{
    public static bool IsValidWorkspaceName(string workspace) => Keys.IsValidWorkspace(workspace);
}
