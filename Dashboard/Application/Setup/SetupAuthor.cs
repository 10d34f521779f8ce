using System.Security.Claims;
using Growth.Dashboard.Security;

namespace Growth.Dashboard.Application.Setup;

/// <summary>Who a setup version is recorded as made by.</summary>
public static class SetupAuthor
{
    /// <summary>
    /// The signed-in user's name; "api-key" for a request authenticated by an ingestion key; "anonymous demo" for
    /// someone not signed in (demo access is read only, so that one only shows where writes are opened up).
    /// </summary>
    public static string Of(ClaimsPrincipal? user, Viewer? viewer = null) =>
        viewer?.Name is { Length: > 0 } name ? name
        : user?.FindFirst(AccessClaims.KeyId) is not null ? "api-key"
        : user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } signedIn } ? signedIn
        : "anonymous demo";
}
