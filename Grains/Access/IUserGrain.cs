using Growth.Domain.Access;
using Orleans.Concurrency;

namespace Growth.Grains.Access;

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
