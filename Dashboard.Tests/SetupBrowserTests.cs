using Growth.Grains.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Setup page walked as a new user would: a workspace from a template; a rep's quota, a product's price and a
/// campaign's budget changed, previewed and applied; the YAML downloaded, edited and uploaded; one version rolled
/// back. Set GROWTH_SCREENSHOTS to a folder to keep screenshots (setup-desktop.png, setup-phone.png).
/// </summary>
[Collection(DashboardCollection.Name)]
public class SetupBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "setup-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1000, timeoutMilliseconds: 30_000);
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    static string? ScreenshotFolder => Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    /// <summary>Types into an input and leaves it, as a person does (the page reads the value on change).</summary>
    async Task Set(string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }

    [Fact]
    public async Task A_leader_creates_a_workspace_from_a_template_changes_it_previews_applies_downloads_uploads_and_rolls_back()
    {
        ISetupGrain setup = host.Grains.GetGrain<ISetupGrain>(Workspace);

        // A workspace from a template: created, started, and the Overview opens on it.
        await page.GotoAsync(new Uri(host.BaseAddress, "setup?workspace=demo").ToString());
        await page.GetByTestId("template-select").SelectOptionAsync("business-software");
        await Expect(page.GetByTestId("template-summary")).ToContainTextAsync("Brightline");
        await page.GetByTestId("template-workspace").FillAsync(Workspace);
        await page.GetByTestId("template-create").ClickAsync();
        // Creating and starting a workspace shares two cores with the other test collections: a guard, not a speed check.
        await page.WaitForURLAsync(url => url.Contains($"workspace={Workspace}") && !url.Contains("/setup"), new() { Timeout = 90_000 });
        Assert.Equal(1, (await setup.GetAsync())!.Version);

        // The Setup page of the new workspace.
        await page.GetByTestId("nav-setup").ClickAsync();
        await Expect(page.GetByTestId("setup-version")).ToHaveTextAsync("v1");
        await Expect(page.GetByTestId("company-name")).ToHaveValueAsync("Brightline Software");
        await Expect(page.GetByTestId("apply")).ToBeDisabledAsync();

        // A bad value is shown beside its field and Apply stays off.
        await Set("rep-quota-rep-01", "-5");
        await page.GetByTestId("preview").ClickAsync();
        await Expect(page.Locator("[data-testid=problem][data-path='organisation.regions[0].teams[0].reps[0].quota']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("apply")).ToBeDisabledAsync();

        // A role that is no simple id is named beside the rep's role; left blank, the rep has none again.
        await Set("rep-role-rep-01", "account exec");
        await page.GetByTestId("preview").ClickAsync();
        await Expect(page.Locator("[data-testid=problem][data-path='organisation.regions[0].teams[0].reps[0].role']")).ToContainTextAsync("account exec");
        await Set("rep-role-rep-01", "");

        // Quota, price, budget: previewed as three changes, applied as version 2.
        await Set("rep-quota-rep-01", "320000");
        await Set("product-price-starter", "26000");
        await Set("campaign-budget-saas-summit", "45000");
        await page.GetByTestId("preview").ClickAsync();
        await Expect(page.GetByTestId("change")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("changes")).ToContainTextAsync("catalogue.products");
        await Expect(page.GetByTestId("problem")).ToHaveCountAsync(0);
        if (ScreenshotFolder is { } folder)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "setup-desktop.png") });
        await page.GetByTestId("note").FillAsync("Q2 plan");
        await page.GetByTestId("apply").ClickAsync();
        await Expect(page.GetByTestId("setup-version")).ToHaveTextAsync("v2");
        await Expect(page.Locator("[data-testid^=version-]")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("version-2")).ToContainTextAsync("Q2 plan");
        var stored = (await setup.GetAsync())!.Document;
        Assert.Equal(320000m, stored.Organisation.Regions[0].Teams[0].Reps[0].Quota);
        Assert.Equal(26000m, stored.Catalogue.Products.Single(p => p.Id == "starter").ListPrice);
        Assert.Equal(45000m, stored.Channels.Campaigns.Single(c => c.Id == "saas-summit").Budget);
        if (ScreenshotFolder is { } phoneFolder) await PhoneScreenshotAsync(Path.Combine(phoneFolder, "setup-phone.png"));

        // The YAML download holds what was applied.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-yaml").ClickAsync());
        Assert.Equal($"{Workspace}-setup-v2.yaml", download.SuggestedFilename);
        var yaml = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("name: Brightline Software", yaml);
        Assert.Contains("quota: 320000", yaml);
        Assert.Contains("listPrice: 26000", yaml);

        // Edited and uploaded: previewed as exactly the edit, applied as version 3.
        var file = Path.Combine(Directory.CreateTempSubdirectory("growth-setup-").FullName, "edited.yaml");
        await File.WriteAllTextAsync(file, yaml.Replace("name: Brightline Software", "name: Brightline Uploaded"));
        await page.GetByTestId("upload").ChooseFileAsync(file);
        await Expect(page.GetByTestId("draft-source")).ToContainTextAsync("edited.yaml");
        await Expect(page.GetByTestId("change")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("changes")).ToContainTextAsync("company.name");
        await page.GetByTestId("apply").ClickAsync();
        await Expect(page.GetByTestId("setup-version")).ToHaveTextAsync("v3");
        await Expect(page.GetByTestId("company-name")).ToHaveValueAsync("Brightline Uploaded");
        Assert.Equal(yaml.Replace("name: Brightline Software", "name: Brightline Uploaded"),
            Growth.Domain.Setup.SetupFormat.Write((await setup.GetAsync())!.Document, Growth.Domain.Setup.SetupFileFormat.Yaml));

        // One version rolled back: version 2's setup is stored again as version 4.
        await page.GetByTestId("rollback-2").ClickAsync();
        await Expect(page.GetByTestId("setup-version")).ToHaveTextAsync("v4");
        await Expect(page.GetByTestId("company-name")).ToHaveValueAsync("Brightline Software");
        await Expect(page.Locator("[data-testid^=version-]")).ToHaveCountAsync(4);
        Assert.Equal(await setup.GetVersionAsync(2) is { } v2 ? Growth.Domain.Setup.SetupFormat.Write(v2, Growth.Domain.Setup.SetupFileFormat.Json) : null,
            Growth.Domain.Setup.SetupFormat.Write((await setup.GetAsync())!.Document, Growth.Domain.Setup.SetupFileFormat.Json));
    }

    [Fact]
    public async Task The_overview_revenue_chart_marks_a_setup_change_the_simulation_took_up()
    {
        const string ws = "setup-browser-marks";
        var setups = host.App.Services.GetRequiredService<Growth.Dashboard.Application.Setup.SetupTemplatesService>();
        Assert.Null((await setups.CreateAsync(ws, "business-software", "test")).Refusal);
        var sim = host.Grains.GetGrain<Growth.Grains.Simulation.ISimulationGrain>(ws);
        await sim.RunForAsync(TimeSpan.FromDays(3));
        var setup = host.Grains.GetGrain<ISetupGrain>(ws);
        var current = (await setup.GetAsync())!.Document;
        await setup.ApplyAsync(current with { PaymentTerms = current.PaymentTerms with { Days = 45 } }, "test", "longer terms");
        await sim.RunForAsync(TimeSpan.FromDays(2));
        var snapshot = await host.Grains.GetGrain<Growth.Grains.Figures.IWorkspaceStatisticsGrain>(ws).RefreshAsync();
        var mark = Assert.Single(snapshot!.SetupMarks, m => m.Version == 2);

        await page.GotoAsync(new Uri(host.BaseAddress, $"?workspace={ws}").ToString());
        await Expect(page.Locator("[data-testid=chart-revenue] .annotation-text").First).ToContainTextAsync("v2:");
        Assert.StartsWith("v2:", Growth.Dashboard.Components.Figures.SetupMarkFigures.Label(mark));
    }

    /// <summary>The Setup page on a phone-sized screen (390 x 844).</summary>
    async Task PhoneScreenshotAsync(string path)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        try
        {
            var phone = await context.NewPageAsync();
            await host.SignInAsync(phone);
            await phone.GotoAsync(new Uri(host.BaseAddress, $"setup?workspace={Workspace}").ToString());
            await Expect(phone.GetByTestId("setup-version")).ToHaveTextAsync("v2");
            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        }
        finally { await context.DisposeAsync(); }
    }
}
