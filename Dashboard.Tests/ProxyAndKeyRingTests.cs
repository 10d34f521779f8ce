using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Growth.Dashboard.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Behind a TLS ingress: the client address the sign-in throttle counts is the forwarded one (one guessing client
/// does not lock out everyone behind the proxy) and the request is https (the session cookie is Secure).
/// </summary>
public class ProxyTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    async Task<HttpResponseMessage> SignInVia(string forwardedFor, string userName, string password, string proto = "https")
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", proto);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task The_throttle_counts_the_forwarded_client_and_the_cookie_is_secure_behind_tls()
    {
        const string guesser = "203.0.113.7", colleague = "203.0.113.8";
        // Five wrong guesses (Access:SignIn:MaxFailures) from one client behind the proxy, each for another name.
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInVia(guesser, $"ghost-{i}", "wrong password")).StatusCode);
        // That client is locked out, even with the right password ...
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInVia(guesser, DashboardHost.AdminName, host.AdminPassword)).StatusCode);
        // ... its colleague behind the same proxy is not, and gets a Secure cookie because the proxy spoke https.
        using var signedIn = await SignInVia(colleague, DashboardHost.AdminName, host.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Security.GrowthSecurity.CookieName));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        // Plain http through the proxy: no Secure flag (the scheme is the forwarded one, not a fixed guess).
        using var plain = await SignInVia(colleague, DashboardHost.AdminName, host.AdminPassword, proto: "http");
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Security.GrowthSecurity.CookieName)), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Two web hosts on the same table storage (the two dashboard replicas of k8s/dashboard.yaml) share one Data
/// Protection key ring: a session cookie or antiforgery token made by one is read by the other.
/// </summary>
public class KeyRingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    WebApplication Host() => DashboardApp.Build(
    [
        "--urls", "http://127.0.0.1:0", "--Storage:Kind=AzureTable", $"--Storage:ConnectionString={azurite.ConnectionString}", "--Demo:Enabled=false",
        $"--Orleans:SiloPort={DashboardHost.FreePort()}", $"--Orleans:GatewayPort={DashboardHost.FreePort()}",
    ]);

    static ISecureDataFormat<AuthenticationTicket> Cookies(WebApplication host) =>
        host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;

    [Fact]
    public async Task A_cookie_protected_by_one_host_is_read_by_the_other_and_after_a_restart_and_antiforgery_data_too()
    {
        await using var first = Host();
        await using var second = Host();
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test")), CookieAuthenticationDefaults.AuthenticationScheme);
        var cookie = Cookies(first).Protect(ticket);
        Assert.Equal("ada", Cookies(second).Unprotect(cookie)?.Principal.Identity?.Name);

        const string purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";
        var token = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("token");
        Assert.Equal("token", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(token));
        // The key is kept in the table the app already uses, so a restarted host still reads both.
        Assert.NotEmpty(new Azure.Data.Tables.TableClient(azurite.ConnectionString, TableKeyRing.TableName).Query<Azure.Data.Tables.TableEntity>());
        await using var restarted = Host();
        Assert.Equal("ada", Cookies(restarted).Unprotect(cookie)?.Principal.Identity?.Name);
    }
}
