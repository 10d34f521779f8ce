using System.Security.Cryptography;
using Growth.Domain.Access;
using Growth.Grains.Errors;
using Growth.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Access;

[GenerateSerializer]
public sealed class UserDirectoryRecord
{
    /// <summary>User name to whether the user administers every workspace.</summary>
    [Id(0)] public SortedDictionary<string, bool> Users { get; set; } = new(StringComparer.Ordinal);
}

public sealed class UserDirectoryGrain(
    [PersistentState("users", GrainStorage.Name)] IPersistentState<UserDirectoryRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IUserDirectoryGrain
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
