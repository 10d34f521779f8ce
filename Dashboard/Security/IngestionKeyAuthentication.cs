using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Security;

/// <summary>
/// Authenticates a request by its ingestion key (<c>Authorization: Bearer gk_...</c> or <c>X-Api-Key: gk_...</c>):
/// the principal names the key's id and workspace. Used only by the ingestion policy, never for pages.
/// </summary>
public sealed class IngestionKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IngestionKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "IngestionKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (key is null) return AuthenticateResult.NoResult();
        // The key is never logged: failures say only that a key was refused.
        if (await keys.VerifyAsync(key) is not { } valid) return AuthenticateResult.Fail("the ingestion key is unknown, malformed or revoked");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"key:{valid.Id}"),
            new Claim(AccessClaims.KeyId, valid.Id),
            new Claim(AccessClaims.KeyWorkspace, valid.Workspace),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header) return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
