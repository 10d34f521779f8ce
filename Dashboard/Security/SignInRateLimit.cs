using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Security;

/// <summary>
/// A rate limit of its own on password attempts, <c>POST /signin</c> (the page's form) and <c>POST /api/session</c>:
/// each attempt costs a PBKDF2 hash, so one client address may make <see cref="SignInRateLimits.PermitLimit"/>
/// attempts per <see cref="SignInRateLimits.Window"/> (fixed window, counted per web host) whether they succeed
/// or not; more are answered 429 with Retry-After before any hashing. The address is the client's after the
/// forwarded headers (<see cref="Hosting.ProxySetup"/>), so one client behind an ingress does not use up the
/// attempts of everyone behind it. Viewing the page (GET) is not counted. This sits before the failure
/// throttle (<see cref="SignInThrottle"/>), which locks a user name or an address after wrong passwords.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "signin";

    public static void AddPolicy(RateLimiterOptions options) =>
        options.AddPolicy(Policy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
            var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<AccessOptions>>().CurrentValue.SignInRate;
            var address = context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
            });
        });

    /// <summary>Whether a refused request was refused by this policy (the limiter answers for several).</summary>
    public static bool Refused(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy;

    /// <summary>The refusal: problem details for the API, a short page for the sign-in form; both say when to try again.</summary>
    public static Task RefuseAsync(HttpContext context, int seconds)
    {
        const string title = "Too many sign-in attempts from this address";
        var detail = $"try again in {seconds} s (at most {context.RequestServices.GetRequiredService<IOptionsMonitor<AccessOptions>>().CurrentValue.SignInRate.PermitLimit} attempts per address per window: see Access:SignInRate)";
        if (AccessDeniedResults.IsApi(context.Request))
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail).ExecuteAsync(context);
        var words = context.RequestServices.GetRequiredService<Components.Shared.Words>();
        return RefusalPage.WriteAsync(context, words["SignIn.TooManyTitle"], "signin-rate-limited", words["SignIn.TooManyText", seconds],
            [("/signin", words["Nav.SignIn"])]);
    }
}
