using System.Threading.RateLimiting;
using Growth.Domain.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Security;

/// <summary>
/// Sign-in (cookie, and OpenID Connect when configured), the access policies, ingestion keys and their rate limit,
/// the first administrator. See the README's "Access and safety".
/// </summary>
public static class GrowthSecurity
{
    public const string OidcScheme = "oidc";
    public const string CookieName = "growth.auth";

    public static WebApplicationBuilder AddGrowthSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(SignInThrottle.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<IngestionKeys>();
        services.AddSingleton<AccessResolver>();
        services.AddSingleton<IAuthorizationHandler, AreaAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessDeniedResults>();
        services.AddHostedService<AdminBootstrap>();

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = RefreshAsync;
                o.Events.OnRedirectToLogin = c => Refuse(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Refuse(c, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, IngestionKeyAuthentication>(IngestionKeyAuthentication.SchemeName, null);
        if (OidcSettings.From(builder.Configuration) is { } oidc) authentication.AddOpenIdConnect(OidcScheme, "your organisation", o => oidc.Configure(o));
        services.AddAuthorization(AreaPolicies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AreaPolicies.Ingestion, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<AccessOptions>>().CurrentValue.Ingestion;
                // Partitioned by key: one busy feed does not slow another.
                var key = context.User.FindFirst(AccessClaims.KeyId)?.Value ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
                });
            });
            SignInRateLimit.AddPolicy(o);
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (SignInRateLimit.Refused(context.HttpContext))
                {
                    await SignInRateLimit.RefuseAsync(context.HttpContext, seconds);
                    return;
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests for this ingestion key",
                    detail: $"retry after {seconds} s (limit per key: see Access:Ingestion)").ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>Authentication, authorization and the rate limiter, in that order (the limiter partitions by the authenticated key).</summary>
    public static WebApplication UseGrowthSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!AccessDeniedResults.IsApi(context.Request)) context.Response.Redirect(context.RedirectUri);
        else context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every request re-reads the account: a deleted user or a changed password ends the sign-in, changed grants
    /// apply at once. (OpenID Connect users keep the grants mapped when they signed in.)
    /// </summary>
    static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(AccessClaims.Source)?.Value != AccessClaims.Local) return;
        var account = await context.HttpContext.RequestServices.GetRequiredService<UserAccounts>().FindAsync(context.Principal.Identity?.Name ?? "");
        if (account is null || account.Stamp != context.Principal.FindFirst(AccessClaims.Stamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (!AccessClaims.GrantsOf(context.Principal).ToHashSet().SetEquals(account.Grants))
        {
            context.ReplacePrincipal(AccessClaims.For(account, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Signs the account in with the cookie.</summary>
    public static Task SignInAsync(HttpContext context, UserAccount account) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccessClaims.For(account, CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Where a user lands after signing in when no page was asked for: the first page their roles open.</summary>
    public static string LandingPage(IReadOnlyList<Grant> grants)
    {
        var workspace = grants.Select(g => g.Workspace).FirstOrDefault(w => w != Grant.AllWorkspaces);
        string With(string path) => workspace is null ? path : $"{path}?workspace={Uri.EscapeDataString(workspace)}";
        if (grants.Any(g => g.Workspace == Grant.AllWorkspaces && AccessRules.RolesFor(Area.Overview).Contains(g.Role))) return "/";
        if (workspace is not null && AccessRules.Allows(grants, Area.Overview, workspace)) return With("/");
        if (workspace is not null && AccessRules.Allows(grants, Area.Sales, workspace)) return With("/sales");
        var training = grants.Select(g => g.Workspace).FirstOrDefault(w => AccessRules.Allows(grants, Area.Training, w));
        return training is null || training == Grant.AllWorkspaces ? "/training" : $"/training?training={Uri.EscapeDataString(training)}";
    }
}

/// <summary>
/// OpenID Connect, wired only when <c>Authentication:Oidc:Authority</c> and <c>ClientId</c> are set. The provider's
/// role claim (<c>RoleClaim</c>, default <c>roles</c>) is mapped to grants by <c>Authentication:Oidc:Grants:{claim value}</c>
/// = <c>workspace:Role[:scope]</c> (several separated by <c>;</c>).
/// </summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, string RoleClaim, IReadOnlyDictionary<string, IReadOnlyList<Grant>> Grants)
{
    public const string Section = "Authentication:Oidc";

    public static OidcSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        bool authority = !string.IsNullOrWhiteSpace(section["Authority"]), client = !string.IsNullOrWhiteSpace(section["ClientId"]);
        if (!authority && !client) return null;
        // Half a configuration is a mistake, not "OpenID Connect off": refuse to start, naming the missing key.
        if (!client) throw new InvalidOperationException($"{Section}:ClientId must be set when {Section}:Authority is");
        if (!authority) throw new InvalidOperationException($"{Section}:Authority must be set when {Section}:ClientId is");
        if (!Uri.TryCreate(section["Authority"], UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new InvalidOperationException($"{Section}:Authority must be an absolute https URL (was '{section["Authority"]}')");
        var grants = section.GetSection("Grants").GetChildren().ToDictionary(c => c.Key, c => (IReadOnlyList<Grant>)(c.Value ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => Grant.Parse(g) ?? throw new InvalidOperationException($"{Section}:Grants:{c.Key}: '{g}' is not workspace:Role[:scope]")).ToList());
        return new OidcSettings(section["Authority"]!, section["ClientId"]!, section["ClientSecret"], section["RoleClaim"] ?? "roles", grants);
    }

    public void Configure(OpenIdConnectOptions o)
    {
        o.Authority = Authority;
        o.ClientId = ClientId;
        o.ClientSecret = ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.Scope.Add("profile");
        o.Scope.Add("email");
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.CallbackPath = "/signin-oidc";
        o.Events.OnTokenValidated = context =>
        {
            var principal = context.Principal!;
            var name = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("email")?.Value ?? principal.FindFirst("sub")?.Value ?? "unknown";
            var grants = principal.FindAll(RoleClaim).SelectMany(c => Grants.GetValueOrDefault(c.Value) ?? []).Distinct().ToList();
            context.Principal = AccessClaims.For(name, grants, AccessClaims.OpenIdConnect, null, CookieAuthenticationDefaults.AuthenticationScheme);
            return Task.CompletedTask;
        };
    }
}
