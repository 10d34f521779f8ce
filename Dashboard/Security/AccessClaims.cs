using System.Security.Claims;
using Growth.Domain.Access;

namespace Growth.Dashboard.Security;

/// <summary>What a signed-in principal carries: the user name, the grants, and the account's stamp (to notice a changed password).</summary>
public static class AccessClaims
{
    public const string Grant = "growth:grant";
    public const string Stamp = "growth:stamp";
    /// <summary>How the user signed in: <see cref="Local"/> (password) or <see cref="OpenIdConnect"/>.</summary>
    public const string Source = "growth:source";
    public const string Local = "local";
    public const string OpenIdConnect = "oidc";
    /// <summary>The ingestion key a request was authenticated with (its id) and the workspace it writes to.</summary>
    public const string KeyId = "growth:key";
    public const string KeyWorkspace = "growth:key-workspace";

    /// <summary>The principal of a user account signed in with its password.</summary>
    public static ClaimsPrincipal For(UserAccount account, string authenticationType) => For(account.Name, account.Grants, Local, account.Stamp, authenticationType);

    public static ClaimsPrincipal For(string name, IEnumerable<Grant> grants, string source, string? stamp, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(Source, source) };
        if (stamp is not null) claims.Add(new Claim(Stamp, stamp));
        claims.AddRange(grants.Distinct().Select(g => new Claim(Grant, g.ToString())));
        // Roles as role claims too, for anything that asks User.IsInRole.
        claims.AddRange(grants.Select(g => g.Role.ToString()).Distinct().Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The grants a principal carries (none for an anonymous one).</summary>
    public static IReadOnlyList<Grant> GrantsOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? user.FindAll(Grant).Select(c => Growth.Domain.Access.Grant.Parse(c.Value)).OfType<Grant>().ToList()
            : [];}
