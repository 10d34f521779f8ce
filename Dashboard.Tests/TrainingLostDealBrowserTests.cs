using Growth.Domain.Journeys;
using Growth.Domain.Training;
using Growth.Grains.Journeys;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// One click from a lost deal to practice, in a real browser and in Chinese: the Customer page of a lost journey offers
/// "练习这一单"; the click opens the training page on a session whose scenario replays that deal; the manager's
/// assignment form and board read in Chinese too.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TrainingLostDealBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Deals = "lost-deal-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    [Fact]
    public async Task A_lost_deal_becomes_a_practice_session_with_one_click_in_chinese()
    {
        var sim = host.Grains.GetGrain<ISimulationGrain>(Deals);
        await sim.CreateAsync(new SimulationSettings { Seed = 23, Regions = 1, TeamsPerRegion = 1, RepsPerTeam = 3, Campaigns = 2, ExistingCustomers = 0 });
        await sim.RunForAsync(TimeSpan.FromDays(30));
        var states = (await Task.WhenAll(Enumerable.Range(0, Keys.ShardCount)
            .Select(i => host.Grains.GetGrain<IJourneyShardGrain>(Keys.Shard(Deals, i)).StatesAsync()))).SelectMany(s => s).ToList();
        var deal = states.Where(s => s.Status == JourneyStatus.Lost && s.OpportunityAt is not null).OrderBy(s => s.Id, StringComparer.Ordinal).First();
        var open = states.First(s => s.Status != JourneyStatus.Lost);

        await page.GotoAsync(new Uri(host.BaseAddress, $"culture?lang=zh-Hans&back={Uri.EscapeDataString($"/customer/{open.Id}?workspace={Deals}")}").ToString());
        await Expect(page.GetByTestId("journey-title")).ToHaveTextAsync(open.Id);
        await Expect(page.GetByTestId("practise-deal")).ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(host.BaseAddress, $"customer/{deal.Id}?workspace={Deals}").ToString());
        await Expect(page.GetByTestId("practise-deal")).ToHaveTextAsync("练习这一单");
        await page.GetByTestId("practise-deal").ClickAsync();

        var step = deal.LostStep is { } s ? new Dictionary<ConversationStep, string>
        {
            [ConversationStep.Opening] = "开场白", [ConversationStep.Rapport] = "话天地", [ConversationStep.Topic] = "入主题",
            [ConversationStep.TrialClose] = "试水温", [ConversationStep.ObjectionHandling] = "解决异议", [ConversationStep.Close] = "缔结",
        }[s] : "–";
        await Expect(page.GetByTestId("lost-deal-practice")).ToContainTextAsync($"正在练习 {Deals} 的丢单 {deal.Id}：真实的那一单死在{step}。");
        // A Chinese reader practises the Chinese version of the scenario: its title, and the customer speaking Chinese.
        await Expect(page.GetByTestId("conversation")).ToContainTextAsync($"丢单 {deal.Id}：");
        await Expect(page.GetByTestId("customer-line")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[\u4e00-\u9fff]"));
        await Expect(page.GetByTestId("choices").Locator("button").First).ToBeVisibleAsync();
        Assert.Contains("/training", page.Url);

        // The manager's side of the same page, in Chinese: the assignment form and the empty board.
        await Expect(page.GetByTestId("assign")).ToHaveTextAsync("布置");
        await Expect(page.GetByTestId("assignments")).ToContainTextAsync("培训任务");
    }
}
