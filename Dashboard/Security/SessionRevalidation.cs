using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Growth.Dashboard.Security;

/// <summary>
/// A live page (a Blazor circuit) keeps the user it started with; every minute this checks the account again, and a
/// deleted user, a changed password or changed grants end the circuit's sign-in (the page then shows "sign in").
/// HTTP requests are checked on every request by the cookie's validation.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggerFactory, UserAccounts accounts) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var user = state.User;
        if (user.FindFirst(AccessClaims.Source)?.Value != AccessClaims.Local) return true;
        var account = await accounts.FindAsync(user.Identity?.Name ?? "");
        return account is not null && account.Stamp == user.FindFirst(AccessClaims.Stamp)?.Value
            && AccessClaims.GrantsOf(user).ToHashSet().SetEquals(account.Grants);
    }
}
