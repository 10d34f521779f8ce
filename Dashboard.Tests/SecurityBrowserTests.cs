using System.Net;
using Growth.Grains.Figures;
using Growth.Grains.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Signing in as people do, in a real browser: the form, the landing page of the role, what the page shows and what
/// a navigation inside the live page is refused. Set GROWTH_SCREENSHOTS to a folder to keep screenshots.
/// </summary>
[Collection(DashboardCollection.Name)]
public class SecurityBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "scoped-browser";
    IPage page = null!;

    public async Task InitializeAsync() => page = await browser.NewPageAsync(height: 900);
    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    async Task Screenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    [Fact]
    public async Task A_sales_manager_signs_in_on_the_form_and_sees_only_their_region()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        await sim.CreateAsync(new SimulationSettings { Seed = 5, Regions = 3, TeamsPerRegion = 2, RepsPerTeam = 3, Campaigns = 3, ExistingCustomers = 20 });
        await sim.RunForAsync(TimeSpan.FromDays(25));
        var snapshot = (await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync())!;
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:region-2");

        await page.GotoAsync(new Uri(host.BaseAddress, $"sales?workspace={Workspace}").ToString());
        await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();   // sent to sign in first
        await page.GetByTestId("signin-user").FillAsync(manager.UserName);
        await page.GetByTestId("signin-password").FillAsync("not their password");
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("wrong");
        await Expect(page.GetByTestId("signin-password")).ToHaveValueAsync("");   // the password is not sent back
        await Screenshot("signin.png");

        await page.GetByTestId("signin-user").FillAsync(manager.UserName);
        await page.GetByTestId("signin-password").FillAsync(manager.Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/sales\\?workspace={Workspace}$"));
        var table = page.GetByTestId("organisation");
        var region2 = snapshot.Regions.Single(r => r.Id == "region-2");
        await Expect(table).ToContainTextAsync(region2.Name);
        foreach (var team in snapshot.Teams.Where(t => t.ParentId == "region-2")) await Expect(table).ToContainTextAsync(team.Name);
        foreach (var other in snapshot.Reps.Where(r => !r.Id.StartsWith("rep-2-", StringComparison.Ordinal))) await Expect(table).Not.ToContainTextAsync(other.Name);
        foreach (var other in snapshot.Regions.Where(r => r.Id != "region-2")) await Expect(table).Not.ToContainTextAsync(other.Name);
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(manager.UserName);
        await Expect(page.GetByTestId("nav-insight")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("chart-ageing")).ToHaveCountAsync(0);   // company receivables: not theirs
        await Expect(page.Locator("[data-testid=chart-winrate] .main-svg").First).ToBeVisibleAsync();
        await Screenshot("sales-manager.png");

        // A navigation inside the live page to a page their roles do not include is refused on the server.
        await page.EvaluateAsync($"Blazor.navigateTo('/insight?workspace={Workspace}')");
        await Expect(page.GetByTestId("forbidden")).ToContainTextAsync("do not include");
        await Expect(page.GetByTestId("bottleneck")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_trainee_lands_on_training_as_themselves_and_sees_no_figures()
    {
        var trainee = await host.SignInAsAsync("training:Trainee");
        await host.SignInAsync(page, trainee);
        await page.GotoAsync(new Uri(host.BaseAddress, "training").ToString());
        await Expect(page.GetByTestId("trainee")).ToHaveValueAsync(trainee.UserName);
        await Expect(page.GetByTestId("trainee")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("nav-training")).ToHaveCountAsync(1);
        foreach (var other in new[] { "nav-overview", "nav-marketing", "nav-sales", "nav-insight", "nav-customer", "nav-whatif", "nav-import", "nav-admin" })
            await Expect(page.GetByTestId(other)).ToHaveCountAsync(0);
        // Straight to a figures page: the server answers 403 before any page is built.
        var response = await page.GotoAsync(new Uri(host.BaseAddress, "sales?workspace=training").ToString());
        Assert.Equal(403, response!.Status);
    }
}

/// <summary>The sign-in form's antiforgery token and its redirects.</summary>
[Collection(DashboardCollection.Name)]
public class SecuritySignInFormTests(DashboardHost host)
{
    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_and_with_it_signs_in()
    {
        var forged = await SignInForm.PostAsync(host, DashboardHost.AdminName, host.AdminPassword, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("growth.auth=", StringComparison.Ordinal));

        var signedIn = await SignInForm.PostAsync(host, DashboardHost.AdminName, host.AdminPassword, returnUrl: "/sales?workspace=demo");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/sales?workspace=demo", signedIn.Headers.Location!.OriginalString.Replace(host.BaseAddress.ToString().TrimEnd('/'), ""));
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("growth.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        // A return address off the site is ignored (no open redirect).
        var offsite = await SignInForm.PostAsync(host, DashboardHost.AdminName, host.AdminPassword, returnUrl: "https://example.com/");
        Assert.Equal(HttpStatusCode.Redirect, offsite.StatusCode);
        Assert.DoesNotContain("example.com", offsite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_is_a_form_post_that_ends_the_session()
    {
        var user = await host.SignInAsAsync("demo:Leadership");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/workspaces/demo/snapshot")).StatusCode);
        var form = await user.Http.GetStringAsync("/signout");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await user.Http.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signout", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/workspaces/demo/snapshot")).StatusCode);
    }
}
