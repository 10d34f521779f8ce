using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Growth.Dashboard.Localisation;

/// <summary>
/// The dashboard's two languages. The first choice is the reader's own (the culture cookie set by the language
/// switch), then the browser's Accept-Language (any Chinese is read as Simplified Chinese, the only one there is),
/// then English.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    /// <summary>The languages offered, in the order the switch lists them.</summary>
    public static readonly IReadOnlyList<string> Supported = [English, Chinese];

    /// <summary>The supported language a browser's or reader's tag means ("zh", "zh-CN", "zh-TW" → zh-Hans; "en-GB" → en), or null.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var t = tag.Trim();
        if (t.Equals("zh", StringComparison.OrdinalIgnoreCase) || t.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)) return Chinese;
        if (t.Equals("en", StringComparison.OrdinalIgnoreCase) || t.StartsWith("en-", StringComparison.OrdinalIgnoreCase)) return English;
        return null;
    }

    public static IServiceCollection AddGrowthLocalisation(this IServiceCollection services)
    {
        services.AddLocalization();
        // Chinese written as itself in the HTML, not as &#x...; character references (a third of the size, readable source).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Components.Shared.Words>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(English);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new BrowserLanguageProvider()];
        });
        return services;
    }

    /// <summary>The culture cookie's value for a language (culture and UI culture alike).</summary>
    public static string CookieValue(string language) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language));

    /// <summary>The browser's languages in order of preference (quality), the first one offered wins.</summary>
    sealed class BrowserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var wanted = httpContext.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => Match(l.Value.Value))
                .FirstOrDefault(l => l is not null);
            return Task.FromResult(wanted is null ? null : new ProviderCultureResult(wanted));
        }
    }
}
