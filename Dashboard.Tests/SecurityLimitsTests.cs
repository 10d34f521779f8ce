using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using Growth.Grains.Access;
using Growth.Grains.Journeys;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Growth.Dashboard.Tests;

/// <summary>Every line every logger of a host writes, as text (message and exception).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    readonly ConcurrentQueue<string> lines = new();
    public string Text => string.Join("\n", lines);
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);
    public void Dispose() { }

    sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} {(state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")) : "")}");
    }
}

/// <summary>A host with a low ingestion limit (3 requests per key per hour) whose every log line is captured at Debug.</summary>
public sealed class LimitedHost : IAsyncLifetime
{
    public CapturedLogs Logs { get; } = new();
    public DashboardHost Host { get; }

    public LimitedHost() => Host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(), withUsers: true, builder =>
    {
        builder.Logging.AddProvider(Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
    }, "--Access:Ingestion:PermitLimit=3", "--Access:Ingestion:Window=01:00:00", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Orleans=Information",
        // OpenID Connect configured (no provider runs here: the tests check it is wired and offered, not a real round trip).
        "--Authentication:Oidc:Authority=https://login.example.com/tenant", "--Authentication:Oidc:ClientId=growth",
        "--Authentication:Oidc:Grants:growth-leaders=*:Leadership;training:Trainee");

    public Task InitializeAsync() => Host.InitializeAsync();
    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>Limits and secrets: the per-key rate limit, the sign-in throttle, and no password, hash or key in any log line.</summary>
public class SecurityLimitsTests(LimitedHost fixture) : IClassFixture<LimitedHost>
{
    DashboardHost Host => fixture.Host;

    static object[] Events(string journey) =>
        [new { journeyId = journey, id = $"{journey}:1", kind = "LeadCreated", at = "2026-03-02T09:00:00Z" }];

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_and_another_key_is_not_slowed()
    {
        var busy = Host.KeyClient(await Host.CreateKeyAsync("limit-a"));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await busy.PostAsJsonAsync("/api/workspaces/limit-a/events", Events($"a-{i}"))).StatusCode);
        var refused = await busy.PostAsJsonAsync("/api/workspaces/limit-a/events", Events("a-3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retry = refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retry, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Null(await Host.Grains.GetGrain<IJourneyGrain>(Keys.Of("limit-a", "a-3")).GetAsync());

        var other = Host.KeyClient(await Host.CreateKeyAsync("limit-a"));
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/workspaces/limit-a/events", Events("b-1"))).StatusCode);
    }

    static async Task<HttpResponseMessage> SignIn(DashboardHost host, string user, string password) =>
        await host.Anonymous.PostAsJsonAsync("/api/session", new { userName = user, password });

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_name_for_a_while_even_with_the_right_password()
    {
        var user = await Host.SignInAsAsync("demo:Leadership");
        await using var _ = new AddressReset(Host);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(Host, user.UserName, $"wrong-password-{i}")).StatusCode);

        var locked = await SignIn(Host, user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Too many failed sign-ins", await locked.Content.ReadAsStringAsync());

        Host.SecurityTime.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(Host, user.UserName, user.Password)).StatusCode);
        Host.SecurityTime.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await SignIn(Host, user.UserName, user.Password)).StatusCode);
    }

    [Fact]
    public async Task One_address_guessing_many_names_is_locked_out_on_the_sign_in_page_too()
    {
        await using var _ = new AddressReset(Host);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(Host, $"guess-{i}", "not-the-password")).StatusCode);
        // The administrator's right password from the same address is refused too, on the form as on the API.
        var page = await SignInForm.PostAsync(Host, DashboardHost.AdminName, Host.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many failed sign-ins", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_password_hash_or_key_is_ever_written_to_the_log()
    {
        // Sign in on the form, fail a sign-in, create, use and revoke a key, and change a password.
        const string wrong = "Wrong-Password-7f3a9c";
        await using (new AddressReset(Host))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(Host, DashboardHost.AdminName, Host.AdminPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(Host, DashboardHost.AdminName, wrong)).StatusCode);
        }
        var key = await Host.CreateKeyAsync("logs-a");
        Assert.Equal(HttpStatusCode.OK, (await Host.KeyClient(key).PostAsJsonAsync("/api/workspaces/logs-a/events", Events("l-1"))).StatusCode);
        await Host.Admin!.Http.DeleteAsync($"/api/admin/keys/{key.Split('_')[1]}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.KeyClient(key).PostAsJsonAsync("/api/workspaces/logs-a/events", Events("l-2"))).StatusCode);
        var user = await Host.SignInAsAsync("logs-a:Leadership");
        const string newPassword = "Changed-Password-5e1d2b";
        Assert.Equal(HttpStatusCode.NoContent, (await Host.Admin.Http.PutAsJsonAsync($"/api/admin/users/{user.UserName}/password", new { password = newPassword })).StatusCode);

        var adminHash = (await Host.Grains.GetGrain<IUserGrain>(DashboardHost.AdminName).GetAsync())!.PasswordHash;
        var userHash = (await Host.Grains.GetGrain<IUserGrain>(user.UserName).GetAsync())!.PasswordHash;
        var secret = key.Split('_', 3)[2];
        var log = fixture.Logs.Text;
        Assert.Contains("Failed sign-in for admin", log);   // the log was captured
        foreach (var (what, value) in new[]
        {
            ("admin password", Host.AdminPassword), ("wrong password", wrong), ("user password", user.Password), ("new password", newPassword),
            ("admin hash", adminHash), ("user hash", userHash), ("key", key), ("key secret", secret),
            ("key secret hash", Growth.Dashboard.Security.IngestionKeys.Hash(secret)),
        })
            Assert.False(log.Contains(value, StringComparison.Ordinal), $"the {what} appears in the log");
    }

    [Fact]
    public async Task OpenID_Connect_is_offered_when_configured_with_its_role_mapping()
    {
        var schemes = Host.App.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(Growth.Dashboard.Security.GrowthSecurity.OidcScheme));
        Assert.Contains("signin/oidc", await Host.Anonymous.GetStringAsync("/signin"));
        var settings = Growth.Dashboard.Security.OidcSettings.From(Host.App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>())!;
        Assert.Equal(["*:Leadership", "training:Trainee"], settings.Grants["growth-leaders"].Select(g => g.ToString()));
        Assert.Equal("roles", settings.RoleClaim);
    }

    /// <summary>Moves the throttle's clock past any lockout when a test ends, so the loopback address is free for the next.</summary>
    sealed class AddressReset(DashboardHost host) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            host.SecurityTime.Advance(TimeSpan.FromHours(1));
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The sign-in page as a browser posts it: fetch the form (antiforgery cookie and token), post it back.</summary>
public static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(DashboardHost host, string user, string password, bool withToken = true, string? returnUrl = null)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var form = await http.GetStringAsync("/signin");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        };
        if (withToken) fields["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value;
        var path = returnUrl is null ? "/signin" : $"/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
