using Growth.Domain.Training;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>The training page in a real browser: a trainee plays a scenario to a win and one to a loss, then a manager compares.</summary>
[Collection(DashboardCollection.Name)]
public class TrainingBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "training-browser";
    static readonly TrainingCatalogue Catalogue = TrainingCatalogue.Load();
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    static TrainingState Start(TrainingScenario s, TrainingDifficulty d, ulong seed) => TrainingEngine.Start(s, d, seed, TrainingFacesFactory.Persona(s, d, seed));
    static TrainingOption Best(TrainingState s) => s.Options.MaxBy(o => o.Quality)!;
    static TrainingOption Worst(TrainingState s) => s.Options.Where(o => o.Kind == TrainingOptionKind.Response).MinBy(o => o.Quality)!;

    /// <summary>The first seed from the scenario's own on which this way of playing ends as wanted (found with the pure engine).</summary>
    static ulong SeedFor(TrainingScenario s, TrainingDifficulty d, Func<TrainingState, TrainingOption> pick, TrainingOutcome wanted)
    {
        for (var seed = s.Seed; seed < s.Seed + 50; seed++)
        {
            var state = Start(s, d, seed);
            while (state.Outcome == TrainingOutcome.InProgress) state = TrainingEngine.Choose(s, state, pick(state).Id);
            if (state.Outcome == wanted) return seed;
        }
        throw new InvalidOperationException($"no seed of {s.Id} ends {wanted}");
    }

    /// <summary>Plays one session through the page, clicking what <paramref name="pick"/> chooses; the engine replays it alongside.</summary>
    async Task<TrainingState> PlayAsync(string trainee, string cohort, string scenarioId, TrainingDifficulty difficulty, Func<TrainingState, TrainingOption> pick, TrainingOutcome wanted)
    {
        var scenario = Catalogue.Find(scenarioId)!;
        var seed = SeedFor(scenario, difficulty, pick, wanted);
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"training?training={Workspace}").ToString());
        await TrainingForm.FillTraineeAsync(page, trainee);
        await page.GetByTestId("cohort").FillAsync(cohort);
        await page.GetByTestId("scenario").SelectOptionAsync(scenarioId);
        await page.GetByTestId("difficulty").SelectOptionAsync(difficulty.ToString());
        await page.GetByTestId("seed").FillAsync(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("start").ClickAsync();

        var local = Start(scenario, difficulty, seed);
        await Expect(page.GetByTestId("persona")).ToContainTextAsync(local.Persona.Contact);
        while (local.Outcome == TrainingOutcome.InProgress)
        {
            await Expect(page.GetByTestId("customer-line")).ToContainTextAsync(local.Customer);
            // The page offers the choices the engine offers, in the same order.
            var ids = await page.Locator("[data-testid=choices] button, .actions button").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)");
            Assert.Equal(local.Options.Select(o => $"choice-{o.Id}"), ids);
            var choice = pick(local);
            await page.GetByTestId($"choice-{choice.Id}").ClickAsync();
            local = TrainingEngine.Choose(scenario, local, choice.Id);
            await Expect(page.Locator("[data-testid=transcript] tbody tr")).ToHaveCountAsync(local.Turns.Count);
        }
        return local;
    }

    [Fact]
    public async Task A_trainee_plays_one_scenario_to_a_win_and_one_to_a_loss_and_the_manager_sees_both()
    {
        var won = await PlayAsync("Wendy Winner", "Browser Cohort", "tutoring-parent", TrainingDifficulty.Normal, Best, TrainingOutcome.Won);
        await Expect(page.GetByTestId("outcome")).ToContainTextAsync("Won");
        await Expect(page.GetByTestId("order-value")).ToHaveTextAsync(Components.Shared.Format.Money(won.OrderValue));
        await Expect(page.GetByTestId("score")).ToHaveTextAsync("100");
        // The review reveals what was hidden during the call.
        await Expect(page.GetByTestId("hidden-persona")).ToContainTextAsync(won.Persona.Temperament.ToString());
        await Expect(page.Locator("[data-testid=replay] tbody tr")).ToHaveCountAsync(won.Turns.Count);

        var lost = await PlayAsync("Larry Loser", "Browser Cohort", "crm-small-business", TrainingDifficulty.Hard, Worst, TrainingOutcome.Lost);
        // The step in the page's words (English here): "Lost at Trial close: ...".
        var words = host.App.Services.GetRequiredService<Components.Shared.Words>();
        await Expect(page.GetByTestId("outcome")).ToContainTextAsync($"Lost at {words.Of(lost.LostAt!.Value)}: {lost.Reason}");
        // The review names the better answer for the poor one.
        var firstBest = lost.Turns[0].Best;
        await Expect(page.GetByTestId("lesson")).ToContainTextAsync("the better answer was");
        await Expect(page.Locator("[data-testid=replay] tbody tr").First).ToContainTextAsync(firstBest.Text);

        // The manager view: both trainees on the cohort's leaderboard, the winner first.
        var rows = page.Locator("[data-testid=leaderboard] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("Wendy Winner");
        await Expect(page.GetByTestId("leader-larry-loser")).ToContainTextAsync("Larry Loser");
        var board = await host.Grains.GetGrain<ICohortGrain>(Keys.Of(Workspace, "browser-cohort")).GetLeaderboardAsync();
        Assert.Equal(["Wendy Winner", "Larry Loser"], board.Select(r => r.Trainee));
        Assert.Equal((1, 0), (board[0].Won, board[0].Lost));
        Assert.Equal((0, 1), (board[1].Won, board[1].Lost));

        // "How would Wendy do on our funnel?": her measured skills replace a typical rep of a simulated team.
        await page.GetByTestId("project-wendy-winner").ClickAsync();
        await Expect(page.GetByTestId("funnel-effect")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Expect(page.GetByTestId("funnel-effect")).ToContainTextAsync("With Wendy Winner");
        var status = await host.Grains.GetGrain<ITrainingFunnelGrain>(Keys.Of(Workspace, "wendy-winner")).GetAsync();
        Assert.NotNull(status?.Effect);
        await Expect(page.GetByTestId("funnel-team-winrate")).ToHaveTextAsync(Components.Shared.Format.Percent(status.Effect.With.TeamWinRate));
        Assert.Equal("Wendy Winner", status.Effect.With.RepName);
    }
}
