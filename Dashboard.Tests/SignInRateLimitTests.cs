using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Growth.Dashboard.Tests;

/// <summary>A host allowing 3 password attempts per client address per hour (Access:SignInRate), no demo.</summary>
public sealed class SignInRateHost : IAsyncLifetime
{
    public DashboardHost Host { get; } = new(0, DashboardHost.FreePort(), DashboardHost.FreePort(),
        "--Access:SignInRate:PermitLimit=3", "--Access:SignInRate:Window=01:00:00", "--Demo:Enabled=false");

    public Task InitializeAsync() => Host.InitializeAsync();
    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// Password attempts on <c>POST /api/session</c> and the <c>/signin</c> form are rate limited per client address
/// (the forwarded one behind a proxy), right or wrong; the fourth in the window gets 429, Retry-After and a message
/// saying what happened, before any password is checked. Another address and viewing the page are not affected.
/// Each test uses its own forwarded addresses (documentation range 198.51.100.0/24), so they do not share a window.
/// </summary>
public partial class SignInRateLimitTests(SignInRateHost fixture) : IClassFixture<SignInRateHost>
{
    DashboardHost Host => fixture.Host;

    async Task<HttpResponseMessage> ApiAttempt(HttpClient http, string from, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { userName = DashboardHost.AdminName, password }) };
        request.Headers.Add("X-Forwarded-For", from);
        return await http.SendAsync(request);
    }

    static HttpClient Client(DashboardHost host) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = host.BaseAddress };

    [Fact]
    public async Task The_fourth_attempt_from_one_address_gets_429_with_retry_after_and_another_address_signs_in()
    {
        using var http = Client(Host);
        const string guesser = "198.51.100.10", colleague = "198.51.100.11";
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAttempt(http, guesser, "wrong password 1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAttempt(http, guesser, Host.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAttempt(http, guesser, "wrong password 2")).StatusCode);

        // The fourth, even with the right password: refused by the rate limit (not the failure throttle, which allows 5).
        using var refused = await ApiAttempt(http, guesser, Host.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Too many sign-in attempts from this address", problem.GetProperty("title").GetString());
        Assert.Contains("Access:SignInRate", problem.GetProperty("detail").GetString());
        Assert.Contains($"try again in {retryAfter} s", problem.GetProperty("detail").GetString());

        // Another client behind the same proxy is not slowed; asking who is signed in is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await ApiAttempt(http, colleague, Host.AdminPassword)).StatusCode);
        using var whoAmI = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        whoAmI.Headers.Add("X-Forwarded-For", guesser);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(whoAmI)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_shares_the_addresss_attempts_and_says_when_to_try_again_while_the_page_still_opens()
    {
        using var http = Client(Host);
        const string from = "198.51.100.20";
        // Viewing the page is not an attempt, however often.
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await Send(http, HttpMethod.Get, "/signin", from)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAttempt(http, from, "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAttempt(http, from, "wrong password")).StatusCode);

        // The third attempt, through the form: a real post with its antiforgery token, the password wrong.
        using var third = await PostForm(http, from, "still wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Contains("data-testid=\"signin-error\"", await third.Content.ReadAsStringAsync());

        using var fourth = await PostForm(http, from, Host.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(int.Parse(fourth.Headers.GetValues("Retry-After").Single()) >= 1);
        var page = await fourth.Content.ReadAsStringAsync();
        Assert.Equal("text/html", fourth.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"Too many sign-in attempts came from your address\. Try again in \d+ seconds\.", page);
        Assert.Equal(HttpStatusCode.OK, (await Send(http, HttpMethod.Get, "/signin", from)).StatusCode);
    }

    static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string from, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", from);
        return await http.SendAsync(request);
    }

    async Task<HttpResponseMessage> PostForm(HttpClient http, string from, string password)
    {
        using var form = await Send(http, HttpMethod.Get, "/signin", from);
        var html = await form.Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "the sign-in form carries no antiforgery token");
        fields["Input.UserName"] = DashboardHost.AdminName;
        fields["Input.Password"] = password;
        return await Send(http, HttpMethod.Post, "/signin", from, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
