using Growth.Dashboard.Security;
using Microsoft.AspNetCore.Localization;

namespace Growth.Dashboard.Localisation;

/// <summary>
/// <c>GET /culture?lang=zh-Hans&amp;back=/sales</c>: the language switch. Remembers the reader's language in the
/// culture cookie for a year and goes back to the page they were on (a local path only; anything else goes to the
/// Overview). Open to everyone: it changes nothing but the reader's own cookie.
/// </summary>
public static class LanguageEndpoint
{
    public const string Path = "/culture";

    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (string? lang, string? back, HttpContext context) =>
        {
            if (Languages.Supported.FirstOrDefault(l => string.Equals(l, lang, StringComparison.OrdinalIgnoreCase)) is not { } language)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                    detail: $"lang '{lang}' is not one of {string.Join(", ", Languages.Supported)}");
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, Languages.CookieValue(language), new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            return Results.LocalRedirect(SecurityEndpoints.LocalOr(back, "/"));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
