using System.Security.Claims;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Growth.Dashboard.Api;
using Orleans.Dashboard;

namespace Growth.Dashboard.Security;

/// <summary>
/// The HTTP side of access: a JSON sign-in for programs (<c>/api/session</c>; people use the /signin page), the admin
/// API for users and ingestion keys (<c>/api/admin</c>), the OpenID Connect entry, and the Orleans dashboard at
/// <c>/orleans</c>, all admin functions for administrators only.
/// </summary>
public static class SecurityEndpoints
{
    /// <summary>A sign-in by a program: same throttle and password check as the page.</summary>
    public sealed record SessionRequest(string UserName, string Password);
    public sealed record SessionResponse(string UserName, IReadOnlyList<string> Grants);
    public sealed record NewUser(string UserName, string Password, IReadOnlyList<string>? Grants);
    public sealed record NewPassword(string Password);
    public sealed record NewKey(string Workspace, string? Label);
    public sealed record UserView(string UserName, IReadOnlyList<string> Grants, DateTimeOffset Created);

    public static IEndpointRouteBuilder MapGrowthSecurity(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api/session").WithTags("Access").DisableAntiforgery();
        session.MapPost("", async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> (SessionRequest request, HttpContext context, UserAccounts accounts) =>
        {
            var outcome = await accounts.SignInAsync(request.UserName, request.Password, context.Connection.RemoteIpAddress?.ToString());
            if (outcome.Account is not { } account)
            {
                if (outcome.LockedUntil is { } until)
                    context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: outcome.LockedUntil is null ? 401 : 429, title: "Not signed in", detail: outcome.Refusal);
            }
            await GrowthSecurity.SignInAsync(context, account);
            return TypedResults.Ok(new SessionResponse(account.Name, account.Grants.Select(g => g.ToString()).ToList()));
        }).WithSummary("Sign in (JSON; sets the session cookie)").RequireRateLimiting(SignInRateLimit.Policy)
            .WithName("SignIn").WithRequestExample(new SessionRequest("alice", "a long password"))
            .WithResponseExample(new SessionResponse("alice", ["demo:Leadership", "training:Trainee"]))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        session.MapGet("", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? Results.Ok(new SessionResponse(user.Identity.Name!, AccessClaims.GrantsOf(user).Select(g => g.ToString()).ToList()))
            : Results.Problem(statusCode: 401, title: "Not signed in")).WithSummary("Who is signed in")
            .WithName("GetSession").Produces<SessionResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        session.MapDelete("", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).WithSummary("Sign out").WithName("SignOut").Produces(StatusCodes.Status204NoContent);

        app.MapGet("/signin/oidc", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOr(returnUrl, "/") }, [GrowthSecurity.OidcScheme]))
            .ExcludeFromDescription();

        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AreaPolicies.Name(Area.Admin));
        admin.MapGet("/users", async (UserAccounts accounts) => (await accounts.ListAsync()).Select(View).ToList())
            .WithName("ListUsers").WithSummary("Every user and their grants");
        admin.MapPost("/users", async Task<Results<Created<UserView>, ProblemHttpResult>> (NewUser request, UserAccounts accounts) =>
        {
            if (ParseGrants(request.Grants) is not { } grants) return BadGrants(request.Grants);
            var user = await accounts.CreateAsync(request.UserName, request.Password, grants);
            return TypedResults.Created($"/api/admin/users/{user.Name}", View(user));
        }).WithName("CreateUser").WithSummary("Create a user with grants (workspace:Role[:scope])")
            .WithRequestExample(new NewUser("bob", "a long password", ["demo:SalesManager:region-1", "training:Trainee"]))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/users/{name}/grants", async Task<Results<Ok<UserView>, ProblemHttpResult>> (string name, List<string> grants, UserAccounts accounts) =>
            ParseGrants(grants) is { } parsed
                ? TypedResults.Ok(View(await accounts.SetGrantsAsync(name, parsed)))
                : BadGrants(grants))
            .WithName("SetUserGrants").WithSummary("Replace a user's grants").WithRequestExample(new List<string> { "demo:Leadership" })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/users/{name}/password", async (string name, NewPassword request, UserAccounts accounts) =>
        {
            await accounts.SetPasswordAsync(name, request.Password);
            return Results.NoContent();
        }).WithName("SetUserPassword").WithSummary("Set a user's password (their sessions end)").Produces(StatusCodes.Status204NoContent)
            .WithRequestExample(new NewPassword("another long password")).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/users/{name}", async (string name, UserAccounts accounts) =>
        {
            await accounts.DeleteAsync(name);
            return Results.NoContent();
        }).WithName("DeleteUser").WithSummary("Delete a user (their sessions end)").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/keys", (IngestionKeys keys) => keys.ListAsync()).WithName("ListKeys").WithSummary("Every ingestion key (without its secret)");
        admin.MapPost("/keys", async (NewKey request, IngestionKeys keys, ClaimsPrincipal user) =>
        {
            var key = await keys.CreateAsync(request.Workspace, request.Label, user.Identity?.Name ?? "");
            return TypedResults.Created($"/api/admin/keys/{key.Id}", key);
        }).WithDescription("The answer holds the whole key: it is shown this once and cannot be read again.")
            .WithName("CreateKey").WithSummary("Create an ingestion key for a workspace").WithRequestExample(new NewKey("live", "CRM feed"))
            .WithResponseExample(new CreatedIngestionKey("0a1b2c3d4e5f", "live", "CRM feed", "gk_0a1b2c3d4e5f_" + new string('x', 43)), StatusCodes.Status201Created);
        admin.MapDelete("/keys/{id}", async Task<Results<Ok<IngestionKeySummary>, ProblemHttpResult>> (string id, IngestionKeys keys) =>
            await keys.RevokeAsync(id) is { } revoked
                ? TypedResults.Ok(revoked)
                : TypedResults.Problem(statusCode: 404, title: "Unknown key", detail: $"no ingestion key {id}"))
            .WithName("RevokeKey").WithSummary("Revoke an ingestion key (refused from the next request on)").ProducesProblem(StatusCodes.Status404NotFound);

        // The Orleans dashboard (grain activations, calls, silos): administrators only.
        app.MapOrleansDashboard("/orleans").RequireAuthorization(AreaPolicies.Name(Area.Admin)).ExcludeFromDescription();
        return app;
    }

    static UserView View(UserSummary u) => new(u.Name, u.Grants.Select(g => g.ToString()).ToList(), u.Created);

    /// <summary>Grants in their compact form; null if one is not a grant.</summary>
    public static List<Grant>? ParseGrants(IEnumerable<string>? grants)
    {
        var parsed = (grants ?? []).Select(Grant.Parse).ToList();
        return parsed.Any(g => g is null) ? null : parsed.Select(g => g!).ToList();
    }

    static ProblemHttpResult BadGrants(IEnumerable<string>? grants) =>
        TypedResults.Problem(statusCode: 400, title: "Not a grant",
            detail: $"grants are 'workspace:Role[:scope]' (workspace or *; Role one of {string.Join(", ", Enum.GetNames<Role>())}; " +
                $"a region/team id for SalesManager, a rep id for Rep): {string.Join(", ", (grants ?? []).Where(g => Grant.Parse(g) is null))}");

    /// <summary>A return address only if it is a path on this site (no open redirect).</summary>
    public static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : fallback;
}
