using Growth.Dashboard.Components.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Growth.Dashboard.Security;

/// <summary>
/// How a refusal looks: the API and the hub answer 401 (not signed in / no valid key) or 403 (signed in, not
/// allowed) as problem details; a page sends someone not signed in to the sign-in page and answers a signed-in
/// user who may not see it with 403 and a page saying so.
/// </summary>
public sealed class AccessDeniedResults : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler fallback = new();

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/orleans/api")
        || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/metrics");

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded) { await fallback.HandleAsync(next, context, policy, result); return; }
        var ingestion = policy.AuthenticationSchemes.Contains(IngestionKeyAuthentication.SchemeName);
        var signedIn = ingestion ? context.User.FindFirst(AccessClaims.KeyId) is not null : context.User.Identity?.IsAuthenticated == true;
        if (IsApi(context.Request) || ingestion)
        {
            var status = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            context.Response.StatusCode = status;
            if (status == 401 && ingestion) context.Response.Headers.WWWAuthenticate = "Bearer realm=\"growth-ingestion\"";
            await Results.Problem(statusCode: status,
                title: status == 401 ? (ingestion ? "A valid ingestion key is required" : "Sign in first") : "Not allowed",
                detail: status == 401
                    ? ingestion ? "send the workspace's ingestion key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'" : "this needs a signed-in user"
                    : ingestion ? "the ingestion key belongs to another workspace" : "your roles do not include this in this workspace")
                .ExecuteAsync(context);
            return;
        }
        if (!signedIn)
        {
            await context.ChallengeAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        // A signed-in user on a page their roles do not include: the page gate's words, in their language.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var words = context.RequestServices.GetRequiredService<Words>();
        var name = context.User.Identity?.Name ?? "";
        var message = policy.Requirements.OfType<AreaRequirement>().FirstOrDefault() is { } area
            ? words["Gate.NotYourRole", name, words.Of(area.Area), AreaPolicies.WorkspaceOf(context, area.Area)]
            : words["Gate.NotYourRoleHere", name];
        await RefusalPage.WriteAsync(context, words["Gate.NotAllowed"], "forbidden", message,
            [("/", words["Nav.Overview"]), ("/sales", words["Nav.Sales"]), ("/training", words["Nav.Training"]), ("/signout", words["Nav.SignOut"])]);
    }
}
