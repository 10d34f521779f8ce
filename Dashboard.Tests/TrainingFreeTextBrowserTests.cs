using Growth.Domain.Journeys;
using Growth.Domain.Training;
using Growth.Domain.Training.Reading;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The training page in a real browser with typed lines: a trainee plays a scenario typing English lines and one typing
/// Chinese lines, and the review names what each line did (the pure engine replays the same lines alongside).
/// </summary>
[Collection(DashboardCollection.Name)]
public class TrainingFreeTextBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "training-free-text";
    static readonly TrainingCatalogue Catalogue = TrainingCatalogue.Load();
    IPage page = null!;

    static readonly Dictionary<ConversationStep, string> English = new()
    {
        [ConversationStep.Opening] = "Hi, Sam from Growth. Families often tell us homework has become a battle, is that happening for you?",
        [ConversationStep.Rapport] = "Your daughter sounds like a bright kid, she's lucky to have you.",
        [ConversationStep.Topic] = "Which subjects is she finding hardest this term?",
        [ConversationStep.TrialClose] = "If the trial lesson goes well, would you want to book a full term?",
        [ConversationStep.ObjectionHandling] = "If she doesn't improve within eight weeks, we refund the remaining lessons.",
        [ConversationStep.Close] = "I'll book the first lesson for Thursday at six and send the tutor's profile tonight.",
    };

    static readonly Dictionary<ConversationStep, string> Chinese = new()
    {
        [ConversationStep.Opening] = "您好，我是小周。很多家长跟我们说孩子写作业很头疼，您家有这种情况吗？",
        [ConversationStep.Rapport] = "您女儿一听就很聪明，有您这么上心的家长真是她的福气。",
        [ConversationStep.Topic] = "孩子这学期哪一科学得最吃力？",
        [ConversationStep.TrialClose] = "如果试听课效果好，您愿意报一整个学期吗？",
        [ConversationStep.ObjectionHandling] = "八周课上下来没效果，剩下的课时费全部退给您。",
        [ConversationStep.Close] = "第一节课我给您排在周四晚上六点，今晚把老师的资料发给您。",
    };

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    /// <summary>Plays through the page typing the line for each step (agreeing to follow up when the customer asks for time).</summary>
    async Task<TrainingState> PlayTypedAsync(string trainee, Dictionary<ConversationStep, string> lines, IPage? on = null, string language = "en")
    {
        var page = on ?? this.page;
        // The scenario as a reader of that language gets it (the page picks by the UI culture).
        var scenario = Catalogue.In(language).Find("tutoring-parent")!;
        const TrainingDifficulty difficulty = TrainingDifficulty.Easy;
        var seed = scenario.Seed;
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"training?training={Workspace}").ToString());
        await TrainingForm.FillTraineeAsync(page, trainee);
        await page.GetByTestId("cohort").FillAsync("Free text");
        await page.GetByTestId("scenario").SelectOptionAsync(scenario.Id);
        await page.GetByTestId("difficulty").SelectOptionAsync(difficulty.ToString());
        await page.GetByTestId("seed").FillAsync(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("start").ClickAsync();

        var local = TrainingEngine.Start(scenario, difficulty, seed, TrainingFacesFactory.Persona(scenario, difficulty, seed));
        await Expect(page.GetByTestId("persona")).ToContainTextAsync(local.Persona.Contact);
        while (local.Outcome == TrainingOutcome.InProgress)
        {
            await Expect(page.GetByTestId("customer-line")).ToContainTextAsync(local.Customer);
            if (local.Thinking)
            {
                await page.GetByTestId("choice-follow-up-tomorrow").ClickAsync();
                local = TrainingEngine.Choose(scenario, local, "follow-up-tomorrow");
            }
            else
            {
                var line = lines[local.Step];
                await page.GetByTestId("own-line").FillAsync(line);
                await page.GetByTestId("say").ClickAsync();
                local = TrainingEngine.Say(scenario, local, line);
            }
            await Expect(page.Locator("[data-testid=transcript] tbody tr")).ToHaveCountAsync(local.Turns.Count);
        }
        return local;
    }

    /// <summary>The review lists every typed line with the technique it was read as, and why.</summary>
    async Task ExpectReviewNamesEachLineAsync(TrainingState played, LineLanguage language)
    {
        await Expect(page.GetByTestId("outcome")).ToBeVisibleAsync();
        var rows = page.Locator("[data-testid=replay] tbody tr");
        await Expect(rows).ToHaveCountAsync(played.Turns.Count);
        var typed = played.Turns.Where(t => t.Reading is not null).ToList();
        Assert.NotEmpty(typed);
        Assert.All(typed, t => Assert.Equal(language, t.Reading!.Language));
        foreach (var turn in typed)
        {
            var row = rows.Nth(turn.Index - 1);
            await Expect(row).ToContainTextAsync(turn.Reading!.Text);
            await Expect(row.GetByTestId("reading")).ToContainTextAsync(SalesTechniques.Label(turn.Reading.Technique));
            // Why: the technique, its confidence and the n-grams that decided it.
            await Expect(row).ToContainTextAsync("Read as " + SalesTechniques.Label(turn.Reading.Technique));
            if (turn.Reading.Why.Count > 0) await Expect(row).ToContainTextAsync($"\"{turn.Reading.Why[0].Ngram}\"");
        }
    }

    [Fact]
    public async Task A_trainee_types_english_lines_and_the_review_names_what_each_line_did()
    {
        var played = await PlayTypedAsync("Eddie English", English);
        await ExpectReviewNamesEachLineAsync(played, LineLanguage.English);
        var techniques = played.Turns.Where(t => t.Reading is not null).Select(t => t.Reading!.Technique).ToList();
        Assert.Contains(SalesTechnique.NeedsQuestion, techniques);
        Assert.Contains(SalesTechnique.Rapport, techniques);
    }

    [Fact]
    public async Task A_trainee_types_chinese_lines_and_the_review_names_what_each_line_did()
    {
        var played = await PlayTypedAsync("Zhou Xiao", Chinese);
        await ExpectReviewNamesEachLineAsync(played, LineLanguage.Chinese);
        var techniques = played.Turns.Where(t => t.Reading is not null).Select(t => t.Reading!.Technique).ToList();
        Assert.Contains(SalesTechnique.NeedsQuestion, techniques);
        Assert.Contains(SalesTechnique.Rapport, techniques);
    }

    /// <summary>
    /// A reader whose browser asks for Chinese plays the Chinese scenario typing Chinese: the customer speaks Chinese,
    /// and the review names what each line did in Chinese, with the seed article's words for the steps.
    /// </summary>
    [Fact]
    public async Task A_chinese_reader_plays_the_chinese_scenario_typing_chinese_and_gets_a_chinese_review()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(20_000);
        try
        {
            var chinese = await context.NewPageAsync();
            await host.SignInAsync(chinese);
            var played = await PlayTypedAsync("Zhou Xiaomei", Chinese, chinese, "zh-Hans");
            Assert.Equal(TrainingLanguages.Chinese, played.Language);
            // The scenario list offers the Chinese titles.
            await Expect(chinese.GetByTestId("scenario")).ToContainTextAsync("为焦虑的家长推荐数学辅导");
            await Expect(chinese.GetByTestId("outcome")).ToBeVisibleAsync();
            var rows = chinese.Locator("[data-testid=replay] tbody tr");
            await Expect(rows).ToHaveCountAsync(played.Turns.Count);
            var typed = played.Turns.Where(t => t.Reading is not null).ToList();
            Assert.Equal(played.Turns.Count(t => t.Chosen.Id == TrainingFreeText.OptionId), typed.Count);
            Assert.True(typed.Count >= 5, $"only {typed.Count} typed lines were played");
            foreach (var turn in typed)
            {
                var row = rows.Nth(turn.Index - 1);
                Assert.Equal(LineLanguage.Chinese, turn.Reading!.Language);
                await Expect(row).ToContainTextAsync(turn.Reading.Text);
                // How it was read, in Chinese: the technique's name, then why, with the n-grams that decided it.
                var technique = TrainingText.Chinese.Technique(turn.Reading.Technique);
                await Expect(row.GetByTestId("reading")).ToContainTextAsync(technique);
                await Expect(row).ToContainTextAsync("读作" + technique);
                await Expect(row).ToContainTextAsync($"在{TrainingText.Chinese.Step(turn.Step)}这一步");
                if (turn.Reading.Why.Count > 0) await Expect(row).ToContainTextAsync($"“{TrainingText.Chinese.Ngram(turn.Reading.Why[0].Ngram)}”");
                // And what the customer said and did, in Chinese.
                await Expect(row).Not.ToContainTextAsync("Read as");
            }
            await Expect(chinese.GetByTestId("transcript")).ToContainTextAsync(played.Turns[0].Customer);
            await Expect(chinese.GetByTestId("transcript")).ToContainTextAsync(played.Turns[0].Reaction);
            var techniques = typed.Select(t => t.Reading!.Technique).ToList();
            Assert.Contains(SalesTechnique.NeedsQuestion, techniques);
            Assert.Contains(SalesTechnique.Rapport, techniques);
            // For the README and a reviewer's eye: GROWTH_SCREENSHOTS names a folder to save the Chinese review in.
            if (Environment.GetEnvironmentVariable("GROWTH_SCREENSHOTS") is { Length: > 0 } folder)
                await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "training-review-zh.png"), FullPage = true });
        }
        finally { await context.DisposeAsync(); }
    }

    [Fact]
    public async Task An_empty_line_cannot_be_said()
    {
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"training?training={Workspace}").ToString());
        await TrainingForm.FillTraineeAsync(page, "Empty Line");
        await page.GetByTestId("scenario").SelectOptionAsync("home-solar");
        await page.GetByTestId("start").ClickAsync();
        await Expect(page.GetByTestId("own-line")).ToBeVisibleAsync();
        await page.GetByTestId("own-line").FillAsync("   ");
        await Expect(page.GetByTestId("say")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-testid=transcript] tbody tr")).ToHaveCountAsync(0);
    }
}
