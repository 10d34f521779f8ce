using Growth.Domain.Setup;
using Growth.Domain.Simulation;
using Growth.Grains.Figures;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Growth.Dashboard.Application.Pool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Sales page after the long run's turnover, in a real browser, in English and in Chinese: a rep who joined this
/// quarter says when they joined instead of a 0 % attainment, and reps who left are listed apart, by name, with the
/// day they left; and the lead pool's by-tag table names campaigns.
/// </summary>
[Collection(DashboardCollection.Name)]
public class SalesTurnoverBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "sales-turnover-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync(height: 1000, timeoutMilliseconds: 60_000);
        await host.SignInAsync(page);
        var sim = host.Grains.GetGrain<ISimulationGrain>(Workspace);
        if ((await sim.GetStatusAsync()).Created) return;
        // Six reps in two teams; a mean tenure of 18 days and 5-day vacancies turn most seats over within the month.
        var setup = SetupFromOrganisation.Build(OrganisationFactory.Build(5, regions: 1, teamsPerRegion: 2, repsPerTeam: 3, campaigns: 2), BehaviourParameters.Default);
        setup = setup with { Rules = setup.Rules with { LongRun = new LongRunSetup { Enabled = true, RepTenureYears = 0.05, VacancyDays = 5, MarketAccountsPerRegion = 1e9 } } };
        await host.Grains.GetGrain<ISetupGrain>(Workspace).ApplyAsync(setup, "leader", "turnover");
        await sim.CreateAsync(new SimulationSettings { Seed = 5, Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) });
        await sim.RunForAsync(TimeSpan.FromDays(29));
        await host.Grains.GetGrain<IWorkspaceStatisticsGrain>(Workspace).RefreshAsync();
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Theory]
    [InlineData("en", "Reps who left", "joined ")]
    [InlineData("zh-Hans", "已离职的销售", "入职")]
    public async Task A_hire_shows_when_they_joined_and_reps_who_left_are_listed_apart_by_name(string language, string heading, string joined)
    {
        var org = (await host.Grains.GetGrain<IWorkspaceGrain>(Workspace).GetOrganisationAsync())!;
        var leaver = org.Departed.First(d => !d.Id.StartsWith("rep-hire-", StringComparison.Ordinal));
        var hire = org.Reps.First(r => r.Target == 0 && r.HireDate is not null);

        await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang={language}&back=/favicon.svg").ToString());
        await page.GotoAsync(new Uri(host.BaseAddress, $"sales?workspace={Workspace}").ToString());
        await Expect(page.GetByText(heading, new() { Exact = true })).ToBeVisibleAsync();
        var former = page.GetByTestId($"former-rep-{leaver.Id}");
        await Expect(former).ToContainTextAsync(leaver.Name);
        // Not among the roster's rows, and not by its id.
        await Expect(page.GetByTestId("organisation")).Not.ToContainTextAsync(leaver.Name);
        await Expect(page.GetByTestId("former-reps")).Not.ToContainTextAsync(leaver.Id);
        await Expect(page.GetByTestId($"joined-{hire.Id}")).ToContainTextAsync(joined);
        // No red "behind" mark on a rep who has no target yet.
        await Expect(page.GetByTestId("organisation").Locator("tr", new() { HasText = hire.Name }).Locator("td.anomaly")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_pool_s_by_tag_table_names_campaigns_not_their_ids()
    {
        var org = (await host.Grains.GetGrain<IWorkspaceGrain>(Workspace).GetOrganisationAsync())!;
        var answer = (await host.App.Services.GetRequiredService<LeadPoolService>().PoolAsync(Workspace, new Growth.Domain.Access.FigureScope(true, [], All: true))).Value!;
        var tagged = answer.Pool.ByTag.Keys.Where(t => t.StartsWith("campaign:", StringComparison.Ordinal)).Select(t => t["campaign:".Length..]).ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, id => Assert.Equal(org.Campaigns.Single(c => c.Id == id).Name, answer.Campaigns[id]));

        await page.GotoAsync(new Uri(host.BaseAddress, "culture?lang=en&back=/favicon.svg").ToString());
        await page.GotoAsync(new Uri(host.BaseAddress, $"pool?workspace={Workspace}").ToString());
        var table = page.GetByTestId("pool-tags");
        await Expect(table).ToContainTextAsync("Campaign: " + answer.Campaigns[tagged[0]]);
        await Expect(table.GetByText("Campaign: " + tagged[0], new() { Exact = true })).ToHaveCountAsync(0);
        Assert.NotEqual(tagged[0], answer.Campaigns[tagged[0]]);
    }
}
