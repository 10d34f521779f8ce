using Growth.Domain.Access;
using Growth.Grains.Access;
using Growth.Grains.Errors;
using Microsoft.AspNetCore.Identity;

namespace Growth.Dashboard.Security;

/// <summary>The result of a sign-in attempt: the account, or why not (wrong name or password, or throttled until a time).</summary>
public sealed record SignInOutcome(UserAccount? Account, string? Refusal, DateTimeOffset? LockedUntil = null);

/// <summary>
/// User accounts as the web host handles them: passwords are hashed here (ASP.NET Core's PasswordHasher, PBKDF2)
/// and only the hash goes to the user grain and its storage. Sign-in checks the throttle first.
/// </summary>
public sealed class UserAccounts(IGrainFactory grains, SignInThrottle throttle, ILogger<UserAccounts> logger)
{
    public const int MinimumPasswordLength = 10;
    static readonly PasswordHasher<UserAccount> Hasher = new();
    // Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
    static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    IUserDirectoryGrain Directory => grains.GetGrain<IUserDirectoryGrain>(0);

    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength ? $"a password has at least {MinimumPasswordLength} characters" : null;

    public Task<UserSummary> CreateAsync(string name, string password, IReadOnlyList<Grant> grants)
    {
        if (PasswordProblem(password) is { } problem) throw new DomainException(problem);
        return Directory.CreateAsync(name, Hasher.HashPassword(null!, password), grants);
    }

    /// <summary>Creates the first administrator unless an administrator exists; false if one does.</summary>
    public Task<bool> CreateFirstAdminAsync(string name, string password)
    {
        if (PasswordProblem(password) is { } problem) throw new DomainException(problem);
        return Directory.CreateFirstAdminAsync(name, Hasher.HashPassword(null!, password));
    }

    public Task SetPasswordAsync(string name, string password)
    {
        if (PasswordProblem(password) is { } problem) throw new DomainException(problem);
        return Directory.SetPasswordHashAsync(name, Hasher.HashPassword(null!, password));
    }

    public Task<IReadOnlyList<UserSummary>> ListAsync() => Directory.ListAsync();

    public Task<UserSummary> SetGrantsAsync(string name, IReadOnlyList<Grant> grants) => Directory.SetGrantsAsync(name, grants);

    public Task DeleteAsync(string name) => Directory.DeleteAsync(name);

    public Task<UserAccount?> FindAsync(string name) =>
        UserNames.IsValid(UserNames.Normalise(name)) ? grains.GetGrain<IUserGrain>(UserNames.Normalise(name)).GetAsync() : Task.FromResult<UserAccount?>(null);

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string? address)
    {
        var name = UserNames.Normalise(userName);
        if (throttle.LockedUntil(name, address) is { } until)
        {
            logger.LogWarning("Sign-in refused for {User} from {Address}: too many failed attempts, locked until {Until:u}", name, address, until);
            return new SignInOutcome(null, $"Too many failed sign-ins for this user or from this address. Try again after {until:HH:mm} UTC.", until);
        }
        var account = await FindAsync(name);
        var verdict = Hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? DecoyHash, password ?? "");
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            throttle.Failed(name, address);
            logger.LogInformation("Failed sign-in for {User} from {Address}", name, address);
            return new SignInOutcome(null, "The user name or the password is wrong.");
        }
        // An old hash format is brought up to date on the next sign-in.
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) await Directory.SetPasswordHashAsync(name, Hasher.HashPassword(account, password!));
        throttle.Succeeded(name);
        logger.LogInformation("{User} signed in from {Address}", name, address);
        return new SignInOutcome(account, null);
    }
}
