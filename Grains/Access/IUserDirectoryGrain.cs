using Growth.Domain.Access;
using Orleans.Concurrency;

namespace Growth.Grains.Access;

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
