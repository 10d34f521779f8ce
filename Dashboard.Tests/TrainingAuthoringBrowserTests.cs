using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Growth.Domain.Training;
using Growth.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The scenario editor in a real browser: start from a built-in scenario, see each problem by path, fix it, change
/// the title in its field, play a preview, save; the workspace's training page then offers the new scenario.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TrainingAuthoringBrowserTests(DashboardHost host, BrowserFixture browser) : IAsyncLifetime
{
    const string Workspace = "authoring-browser";
    IPage page = null!;

    public async Task InitializeAsync()
    {
        page = await browser.NewPageAsync();
        await host.SignInAsync(page);
    }

    public async Task DisposeAsync() => await page.Context.DisposeAsync();

    async Task TypeFileAsync(string json)
    {
        var editor = page.GetByTestId("draft-json");
        await editor.FillAsync(json);
        await editor.DispatchEventAsync("change");
    }

    [Fact]
    public async Task A_manager_edits_a_scenario_from_a_template_previews_it_and_saves_it_as_a_version()
    {
        var template = TrainingPlay.Scenario("tutoring-parent");
        var draft = template with { Id = "tutoring-evening" };
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"training/scenarios?training={Workspace}").ToString());
        await page.GetByTestId("edit-tutoring-parent-en").ClickAsync();
        await Expect(page.GetByTestId("draft-title")).ToHaveValueAsync(template.Title);
        Assert.Equal(TrainingScenarios.ToJson(template), await page.GetByTestId("draft-json").InputValueAsync());

        // A broken draft: each problem named by its path.
        await TypeFileAsync(TrainingScenarios.ToJson(draft).Replace("\"quality\": 0.95", "\"quality\": 1.5").Replace("{contact}", "{kontakt}"));
        await page.GetByTestId("draft-check").ClickAsync();
        await Expect(page.GetByTestId("draft-problems")).ToContainTextAsync("steps[0].responses[0].quality: must be between 0 and 1 (was 1.5)");
        await Expect(page.GetByTestId("draft-problems")).ToContainTextAsync("placeholder {kontakt} is not known");
        await page.GetByTestId("draft-save").ClickAsync();
        await Expect(page.GetByTestId("no-versions")).ToBeVisibleAsync();

        // Fixed, and retitled in its field: the file follows.
        await TypeFileAsync(TrainingScenarios.ToJson(draft));
        await page.GetByTestId("draft-title").FillAsync("Evening tutoring");
        await page.GetByTestId("draft-title").DispatchEventAsync("change");
        await Expect(page.GetByTestId("draft-json")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"title\": \"Evening tutoring\""));
        await page.GetByTestId("draft-check").ClickAsync();
        await Expect(page.GetByTestId("draft-valid")).ToBeVisibleAsync();

        // The preview plays the draft as the engine does: the same opening line, and a chosen answer in the transcript.
        var local = TrainingPlay.Start(draft, TrainingDifficulty.Normal, draft.Seed);
        await page.GetByTestId("draft-preview").ClickAsync();
        await Expect(page.GetByTestId("scenario-preview").GetByTestId("customer-line")).ToContainTextAsync(local.Customer);
        await page.GetByTestId($"choice-{TrainingPlay.Best(local).Id}").ClickAsync();
        await Expect(page.Locator("[data-testid=transcript] tbody tr")).ToHaveCountAsync(1);

        await page.GetByTestId("draft-save").ClickAsync();
        await Expect(page.GetByTestId("authoring-message")).ToContainTextAsync("tutoring-evening");
        await Expect(page.GetByTestId("version-1")).ToContainTextAsync("Evening tutoring");
        await Expect(page.GetByTestId("library-tutoring-evening-en")).ToContainTextAsync("Evening tutoring");

        // The workspace's trainees now find it on the training page.
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"training?training={Workspace}").ToString());
        await Expect(page.Locator("[data-testid=scenario] option[value=tutoring-evening]")).ToContainTextAsync("Evening tutoring");
    }

    /// <summary>The editor open with problems and a preview (the shared page list sees only the list): no serious or critical axe finding, in either language.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task The_open_editor_has_no_serious_or_critical_accessibility_violation(string language)
    {
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"culture?lang={language}&back=/favicon.svg").ToString());
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"training/scenarios?training={Workspace}-axe").ToString());
        await page.GetByTestId("edit-home-solar-en").ClickAsync();
        await TypeFileAsync(TrainingScenarios.ToJson(TrainingPlay.Scenario("home-solar")).Replace("\"quality\": 0.95", "\"quality\": 1.5"));
        await page.GetByTestId("draft-check").ClickAsync();
        await Expect(page.GetByTestId("draft-problems")).ToBeVisibleAsync();
        await TypeFileAsync(TrainingScenarios.ToJson(TrainingPlay.Scenario("home-solar")));
        await page.GetByTestId("draft-preview").ClickAsync();
        await Expect(page.GetByTestId("scenario-preview")).ToBeVisibleAsync();
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} (e.g. {v.Nodes[0].Html})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
