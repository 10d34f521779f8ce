using Growth.Grains.Model.Access;
using Orleans.Concurrency;

namespace Growth.Grains.Contracts;

/// <summary>One user account. Key: the user name in lower case. Changes go through <see cref="IUserDirectoryGrain"/>.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>The account, or null if there is none of this name.</summary>
    [ReadOnly] Task<UserAccount?> GetAsync();

    /// <summary>Stores the account (created or changed).</summary>
    Task SetAsync(UserAccount account);

    /// <summary>Forgets the account.</summary>
    Task DeleteAsync();
}

/// <summary>
/// The list of users and the one writer of accounts, so "is there an admin yet" and "does this name exist" are
/// answered and acted on in one step. Key: 0.
/// </summary>
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Whether any user exists (demo mode ends when one does).</summary>
    [ReadOnly] Task<bool> AnyAsync();

    /// <summary>Every user, by name.</summary>
    Task<IReadOnlyList<UserSummary>> ListAsync();

    /// <summary>Creates an account; refused (conflict) if the name is taken.</summary>
    Task<UserSummary> CreateAsync(string name, string passwordHash, IReadOnlyList<Grant> grants);

    /// <summary>Creates the first administrator, only if no administrator exists yet; false if one does.</summary>
    Task<bool> CreateFirstAdminAsync(string name, string passwordHash);

    /// <summary>Replaces a user's grants.</summary>
    Task<UserSummary> SetGrantsAsync(string name, IReadOnlyList<Grant> grants);

    /// <summary>Replaces a user's password hash (their other sign-ins end).</summary>
    Task SetPasswordHashAsync(string name, string passwordHash);

    /// <summary>Deletes a user; refused if it is the last administrator.</summary>
    Task DeleteAsync(string name);
}

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

/// <summary>The list of ingestion keys (no secrets, no hashes). Key: 0.</summary>
public interface IIngestionKeyDirectoryGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<IngestionKeySummary>> ListAsync();

    /// <summary>Stores a new key and lists it.</summary>
    Task<IngestionKeySummary> CreateAsync(IngestionKeyRecord record);

    /// <summary>Revokes a key; null if there is none of that id.</summary>
    Task<IngestionKeySummary?> RevokeAsync(string id, DateTimeOffset at);
}
