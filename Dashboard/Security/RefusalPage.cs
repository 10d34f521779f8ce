using System.Globalization;
using System.Net;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Localisation;

namespace Growth.Dashboard.Security;

/// <summary>
/// The short page a refusal answers with before any page is built (a signed-in user's 403, the sign-in form's 429):
/// in the reader's language (the request's culture: the language switch's cookie, then the browser's language), with
/// the switch to the other language, one <c>h1</c> inside <c>main</c>, and links on from there.
/// An address that names no page answers 404 with such a page too (the API keeps its problem details).
/// </summary>
public static class RefusalPage
{
    /// <summary>
    /// The status code pages: a browser asking for an address that names no page gets a page saying so in its language;
    /// everything else (the API, other clients, other codes) the framework's answer.
    /// </summary>
    public static StatusCodePagesOptions StatusCodePages()
    {
        var fallback = new StatusCodePagesOptions().HandleAsync;
        return new StatusCodePagesOptions
        {
            HandleAsync = context =>
            {
                var http = context.HttpContext;
                var wantsPage = http.Response.StatusCode == StatusCodes.Status404NotFound && HttpMethods.IsGet(http.Request.Method)
                    && !AccessDeniedResults.IsApi(http.Request) && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
                if (!wantsPage) return fallback(context);
                var words = http.RequestServices.GetRequiredService<Words>();
                return WriteAsync(http, words["NotFound.Title"], "not-found", words["NotFound.Text", http.Request.Path.Value ?? "/"],
                    [("/", words["Nav.Overview"]), ("/training", words["Nav.Training"])]);
            },
        };
    }

    /// <summary>Writes the page: <paramref name="heading"/> as its title and <c>h1</c>, <paramref name="message"/> under <paramref name="testId"/>.</summary>
    public static Task WriteAsync(HttpContext context, string heading, string testId, string message, IEnumerable<(string Href, string Text)> links)
    {
        var words = context.RequestServices.GetRequiredService<Words>();
        var language = CultureInfo.CurrentUICulture.Name == Languages.Chinese ? Languages.Chinese : Languages.English;
        var other = language == Languages.Chinese ? Languages.English : Languages.Chinese;
        var here = context.Request.Path + context.Request.QueryString;
        var switchLink = $"{LanguageEndpoint.Path}?lang={other}&back={Uri.EscapeDataString(here)}";
        static string E(string s) => WebUtility.HtmlEncode(s);
        var onward = string.Join(" · ", links.Select(l => $"<a href=\"{E(l.Href)}\">{E(l.Text)}</a>"));
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>{E(heading)} · {E(words["App.Name"])}</title><link rel="icon" type="image/svg+xml" href="/favicon.svg"><link rel="stylesheet" href="/app.css"></head>
            <body><header class="top"><strong>{E(words["App.Name"])}</strong><span class="account"><a href="{E(switchLink)}" lang="{other}" data-testid="language-switch" title="{E(words["Nav.LanguageTitle"])}">{E(words["Nav.OtherLanguage"])}</a></span></header>
            <main id="main"><h1>{E(heading)}</h1><p data-testid="{testId}">{E(message)}</p>
            <p>{onward}</p></main></body></html>
            """);
    }
}
