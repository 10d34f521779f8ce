using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Grains.Simulation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Growth.Dashboard.Tests;

/// <summary>A host with no users (demo mode) whose demo has run two simulated days: something on every page.</summary>
public sealed class SignedOutDemoHost : IAsyncLifetime
{
    public DashboardHost Host { get; } = new(0, DashboardHost.FreePort(), DashboardHost.FreePort(), withUsers: false, null);

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.Grains.GetGrain<ISimulationGrain>("demo").RunForAsync(TimeSpan.FromDays(2));
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// A newcomer walks every page without signing in, over plain HTTP (no browser): each page of the demo answers 200 and
/// renders one titled <c>h1</c>; each page that needs a user answers with a redirect to the sign-in page that comes back
/// to it, and the sign-in page answers. The routes are read from the running app, so a new page without a row here fails.
/// </summary>
public partial class SignedOutWalkTests(SignedOutDemoHost fixture) : IClassFixture<SignedOutDemoHost>
{
    DashboardHost Host => fixture.Host;

    enum Expect { Open, SignIn }

    /// <summary>What a visitor gets on each page of the demo: the read-only pages are open; writing ones need a user.</summary>
    static readonly Dictionary<string, Expect> Pages = new()
    {
        ["/"] = Expect.Open, ["/marketing"] = Expect.Open, ["/sales"] = Expect.Open, ["/forecast"] = Expect.Open,
        ["/pipeline"] = Expect.Open, ["/pool"] = Expect.Open, ["/grades"] = Expect.Open, ["/insight"] = Expect.Open, ["/records"] = Expect.Open, ["/customer"] = Expect.Open,
        ["/customer/{JourneyId}"] = Expect.Open, ["/whatif"] = Expect.Open, ["/compensation"] = Expect.Open, ["/setup"] = Expect.Open,
        // The demo's own training (?training=demo) is open to look around in; see Training_in_the_demo… below.
        ["/training"] = Expect.Open, ["/training/certificate"] = Expect.Open,
        ["/signin"] = Expect.Open, ["/signout"] = Expect.Open,
        // Writing and administering: a user's.
        ["/import"] = Expect.SignIn, ["/calibration"] = Expect.SignIn, ["/admin"] = Expect.SignIn, ["/training/scenarios"] = Expect.SignIn,
    };

    /// <summary>Every page route of the running app and the component it renders.</summary>
    IReadOnlyList<(string Route, Type Page)> PageRoutes() =>
        Host.App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type))
            .DistinctBy(r => r.Item1).OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();

    async Task<string> AJourneyAsync()
    {
        // The demo's existing customers are there from its first hour.
        var json = JsonDocument.Parse(await Host.Anonymous.GetStringAsync("/api/workspaces/demo/records?kind=customers&size=1")).RootElement;
        static string? Find(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().Select(p => p.Name == "journeyId" ? p.Value.GetString() : Find(p.Value)).FirstOrDefault(v => v is not null),
            JsonValueKind.Array => e.EnumerateArray().Select(Find).FirstOrDefault(v => v is not null),
            _ => null,
        };
        return Find(json) ?? throw new InvalidOperationException("the demo has no journey yet");
    }

    [Fact]
    public async Task Every_page_of_the_demo_opens_without_signing_in_and_every_other_one_asks_to_sign_in()
    {
        var routes = PageRoutes();
        Assert.Equal(Pages.Keys.Order(StringComparer.Ordinal), routes.Select(r => r.Route));
        var journey = await AJourneyAsync();
        var problems = new List<string>();
        foreach (var (route, page) in routes)
        {
            var path = route.Replace("{JourneyId}", Uri.EscapeDataString(journey));
            var url = path + (route.StartsWith("/training", StringComparison.Ordinal) ? "?training=demo" : "?workspace=demo");
            using var response = await Host.Anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (Pages[route] == Expect.SignIn)
            {
                var to = response.Headers.Location?.OriginalString ?? "";
                if (response.StatusCode != HttpStatusCode.Redirect || !to.Contains("/signin?ReturnUrl=", StringComparison.Ordinal)
                    || Uri.UnescapeDataString(to[(to.IndexOf('=') + 1)..]) != url)
                    problems.Add($"{url}: {(int)response.StatusCode} to '{to}', not a redirect to the sign-in page that comes back here");
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                problems.Add($"{url}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                continue;
            }
            // Interactive pages are not prerendered: the answer is the app's shell, and the page is what it renders.
            var html = Heading().IsMatch(body) ? body : await RenderAsync(page, url);
            var headings = Heading().Matches(html).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).ToList();
            if (headings.Count != 1 || headings[0].Length == 0) problems.Add($"{url}: headings [{string.Join(" | ", headings)}], not one titled h1");
            if (html.Contains("blazor-error-ui\" style=\"display: block", StringComparison.Ordinal) || html.Contains("An unhandled exception", StringComparison.Ordinal))
                problems.Add($"{url}: an error page");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Where the sign-in page sends back: the page asked for, once signed in.
        using var signIn = await Host.Anonymous.GetAsync("/signin?ReturnUrl=%2Fimport");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Matches(Heading(), await signIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_page_walks_open_every_page_route()
    {
        // axe, the phone width and the screenshots (AccessibilityBrowserTests, PhoneBrowserTests) walk these: a new page must join them.
        var walked = new PageWalkState("j-1", "a-1").Pages()
            .Select(p => "/" + p.Split('?')[0]).Select(p => p.StartsWith("/customer/", StringComparison.Ordinal) ? "/customer/{JourneyId}" : p)
            .Order(StringComparer.Ordinal);
        Assert.Equal(PageRoutes().Select(r => r.Route), walked);
    }

    [Fact]
    public async Task The_setup_shows_the_default_company_name_as_a_hint_not_as_the_name()
    {
        var html = await RenderAsync(typeof(Components.Pages.Setup), "/setup?workspace=demo");
        var field = Regex.Match(html, @"<input[^>]*data-testid=""company-name""[^>]*>").Value;
        Assert.NotEqual("", field);
        Assert.DoesNotContain("Your company", Regex.Match(field, @"value=""[^""]*""").Value);
        Assert.Contains("placeholder=\"Your company&#x27;s name (not given yet)\"", field);
    }

    [Theory]
    [InlineData("/import?workspace=acme-crm", "acme-crm")]
    [InlineData("/import", "crm-import")]
    [InlineData("/import?workspace=Not%20a%20name", "crm-import")]
    public async Task The_import_page_opens_on_the_workspace_its_address_names(string url, string workspace)
    {
        var html = await RenderAsync(typeof(Components.Pages.Import), url);
        var field = Regex.Match(html, @"<input[^>]*data-testid=""import-workspace""[^>]*>").Value;
        Assert.Contains($"value=\"{workspace}\"", field);
    }

    [Fact]
    public async Task A_page_says_why_it_refused_in_the_readers_language()
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var html = await RenderAsync(typeof(Components.Pages.Records), "/records?workspace=demo&stage=planet");
            Assert.Matches(@"data-testid=""records-error"">stage &#x27;planet&#x27; 必须是 [^<]+ 之一</p>", html);
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui); }
    }

    [Fact]
    public async Task The_access_checks_refusal_reads_in_the_readers_language()
    {
        async Task<JsonElement> PauseAsync(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workspaces/demo/simulation/pause");
            if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await Host.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        var zh = await PauseAsync("zh-CN");
        Assert.Equal("请先登录", zh.GetProperty("title").GetString());
        Assert.Equal("这需要已登录的用户", zh.GetProperty("detail").GetString());
        var en = await PauseAsync(null);
        Assert.Equal("Sign in first", en.GetProperty("title").GetString());
        Assert.Equal("this needs a signed-in user", en.GetProperty("detail").GetString());
    }

    /// <summary>Renders a page as a visitor sees it (not signed in) at <paramref name="url"/>, through the app's own services.</summary>
    async Task<string> RenderAsync(Type page, string url)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        ((IHostEnvironmentNavigationManager)services.GetRequiredService<NavigationManager>()).Initialize(Host.BaseAddress.ToString(), new Uri(Host.BaseAddress, url).ToString());
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = new Dictionary<string, object?>();
        if (page.GetProperty("JourneyId") is not null && url.StartsWith("/customer/", StringComparison.Ordinal))
            parameters["JourneyId"] = Uri.UnescapeDataString(url[10..url.IndexOf('?')]);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync(page, ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    [GeneratedRegex(@"<h1\b[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex Heading();
}
