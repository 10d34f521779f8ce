using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Growth.Domain.Training;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// A workspace's own scenarios over real HTTP: a manager saves versions and restores one; the workspace's trainees play
/// the newest (another workspace never sees it); a bad file is refused naming each problem by path, nothing stored;
/// a preview plays the draft and counts nowhere.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TrainingAuthoringApiTests(DashboardHost host)
{
    const string Workspace = "authoring";
    const string Other = "authoring-other";
    static string Base(string workspace) => $"/api/workspaces/{workspace}/training";
    static readonly TrainingScenario Solar = TrainingPlay.Scenario("home-solar");

    static StringContent File(string json) => new(json, Encoding.UTF8, "application/json");

    static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static async Task<JsonElement> Refused(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Versions_are_kept_and_restored_and_only_the_workspaces_trainees_play_its_scenarios()
    {
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:team-1-1");
        var trainee = await host.SignInAsAsync($"{Workspace}:Trainee");
        var outsider = await host.SignInAsAsync($"{Other}:Trainee");
        var heatPump = TrainingScenarios.ToJson(Solar with { Id = "heat-pump", Title = "Heat pump for a homeowner" });
        var renamed = heatPump.Replace("Heat pump for a homeowner", "Heat pump, second draft");

        // A trainee may play but not write.
        await Refused(await trainee.Http.PostAsync($"{Base(Workspace)}/scenarios", File(heatPump)), HttpStatusCode.Forbidden);

        var first = await Json(await manager.Http.PostAsync($"{Base(Workspace)}/scenarios?language=en", File(heatPump)));
        var second = await Json(await manager.Http.PostAsync($"{Base(Workspace)}/scenarios", File(renamed)));
        Assert.Equal((1, 2), (first.GetProperty("number").GetInt32(), second.GetProperty("number").GetInt32()));
        var versions = await Json(await manager.Http.GetAsync($"{Base(Workspace)}/scenarios/heat-pump/versions?language=en"));
        Assert.Equal([(2, "Heat pump, second draft", manager.UserName), (1, "Heat pump for a homeowner", manager.UserName)],
            versions.EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("title").GetString(), v.GetProperty("author").GetString())));

        // Restoring version 1 stores it again as version 3; the history keeps all three.
        var restored = await Json(await manager.Http.PostAsync($"{Base(Workspace)}/scenarios/heat-pump/versions/1/restore?language=en", null));
        Assert.Equal((3, 1, "Heat pump for a homeowner"), (restored.GetProperty("number").GetInt32(), restored.GetProperty("restoredFrom").GetInt32(), restored.GetProperty("title").GetString()));
        await Refused(await manager.Http.PostAsync($"{Base(Workspace)}/scenarios/heat-pump/versions/9/restore?language=en", null), HttpStatusCode.NotFound);
        var export = await manager.Http.GetAsync($"{Base(Workspace)}/scenarios/heat-pump?language=en");
        Assert.Equal(heatPump, await export.Content.ReadAsStringAsync());
        Assert.Equal("heat-pump.json", export.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(renamed, await (await manager.Http.GetAsync($"{Base(Workspace)}/scenarios/heat-pump?language=en&version=2")).Content.ReadAsStringAsync());

        // An own version of a built-in scenario replaces it in this workspace only.
        await Json(await manager.Http.PostAsync($"{Base(Workspace)}/scenarios", File(TrainingScenarios.ToJson(Solar with { Title = "Solar, our way" }))));

        // The workspace's trainee plays the newest version; a trainee of another workspace cannot find it, and meets the built-in solar scenario.
        var session = await Json(await trainee.Http.PostAsJsonAsync($"{Base(Workspace)}/sessions", new { scenarioId = "heat-pump" }));
        Assert.Equal(("heat-pump", "Heat pump for a homeowner"), (session.GetProperty("scenarioId").GetString(), session.GetProperty("scenarioTitle").GetString()));
        var own = await Json(await trainee.Http.PostAsJsonAsync($"{Base(Workspace)}/sessions", new { scenarioId = "home-solar" }));
        Assert.Equal("Solar, our way", own.GetProperty("scenarioTitle").GetString());
        var refusal = await Refused(await outsider.Http.PostAsJsonAsync($"{Base(Other)}/sessions", new { scenarioId = "heat-pump" }), HttpStatusCode.BadRequest);
        Assert.StartsWith("scenarioId: 'heat-pump' is not a scenario", refusal.GetProperty("detail").GetString());
        var builtIn = await Json(await outsider.Http.PostAsJsonAsync($"{Base(Other)}/sessions", new { scenarioId = "home-solar" }));
        Assert.Equal(Solar.Title, builtIn.GetProperty("scenarioTitle").GetString());
        // Nor may the outsider read this workspace's library.
        await Refused(await outsider.Http.GetAsync($"{Base(Workspace)}/scenarios"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_file_is_refused_naming_each_problem_by_path_and_nothing_is_stored()
    {
        var manager = await host.SignInAsAsync($"{Workspace}-bad:Leadership");
        var bad = TrainingScenarios.ToJson(Solar with { Id = "bad-solar" })
            .Replace("\"quality\": 0.95", "\"quality\": 1.5")
            .Replace("\"id\": \"hs-rap-mid\"", "\"id\": \"hs-open-mid\"");

        var refusal = await Refused(await manager.Http.PostAsync($"{Base(Workspace + "-bad")}/scenarios?fileName=bad-solar.json", File(bad)),
            HttpStatusCode.BadRequest);
        var problems = refusal.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("path").GetString()}: {p.GetProperty("problem").GetString()}").ToList();
        Assert.Contains("steps[0].responses[0].quality: must be between 0 and 1 (was 1.5)", problems);
        Assert.Contains("steps[1].responses[1].id: 'hs-open-mid' is used twice in the scenario", problems);
        var unknown = await Refused(await manager.Http.PostAsync($"{Base(Workspace + "-bad")}/scenarios",
            File(TrainingScenarios.ToJson(Solar).Replace("\"CompetitorDifference\"", "\"Price\""))), HttpStatusCode.BadRequest);
        Assert.Contains("objections[1]: 'Price' is not a known objection type (allowed: Experience, CompetitorDifference, CompetitorStrength, BudgetEnvironment, Service)",
            unknown.GetProperty("detail").GetString());

        var library = await Json(await manager.Http.GetAsync($"{Base(Workspace + "-bad")}/scenarios"));
        Assert.All(library.EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("current").ValueKind));
        Assert.Empty((await Json(await manager.Http.GetAsync($"{Base(Workspace + "-bad")}/scenarios/bad-solar/versions?language=en"))).EnumerateArray());
        Assert.Empty(await host.Grains.GetGrain<IScenarioLibraryGrain>(Workspace + "-bad").ListAsync());
    }

    [Fact]
    public async Task A_preview_plays_the_draft_and_counts_in_no_history_or_leaderboard()
    {
        var manager = await host.SignInAsAsync($"{Workspace}-preview:SalesManager:team-1-1");
        var draft = Solar with { Id = "draft-solar", Title = "Draft solar" };
        var view = await Json(await manager.Http.PostAsync($"{Base(Workspace + "-preview")}/scenarios/previews?difficulty=Easy", File(TrainingScenarios.ToJson(draft))));
        Assert.Equal(("Draft solar", ScenarioAuthoringServiceCohort), (view.GetProperty("scenarioTitle").GetString(), view.GetProperty("cohort").GetString()));
        var id = view.GetProperty("sessionId").GetString();
        var state = TrainingPlay.Start(draft, TrainingDifficulty.Easy, draft.Seed);
        while (state.Outcome == TrainingOutcome.InProgress)
        {
            var choice = TrainingPlay.Best(state);
            state = TrainingEngine.Choose(draft, state, choice.Id);
            view = await Json(await manager.Http.PostAsJsonAsync($"{Base(Workspace + "-preview")}/sessions/{id}/choices", new { choiceId = choice.Id }));
        }
        Assert.Equal(state.Outcome.ToString(), view.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Object, view.GetProperty("review").ValueKind);

        var trainee = view.GetProperty("trainee").GetString()!;
        Assert.Empty(await host.Grains.GetGrain<ITrainingTraineeGrain>(Keys.Of(Workspace + "-preview", TrainingKeys.KeyOf(trainee))).GetHistoryAsync());
        Assert.Empty(await host.Grains.GetGrain<ICohortGrain>(Keys.Of(Workspace + "-preview", TrainingKeys.KeyOf(ScenarioAuthoringServiceCohort))).GetLeaderboardAsync());
        // Nothing was saved either: a preview is not a version.
        Assert.Empty(await host.Grains.GetGrain<IScenarioLibraryGrain>(Workspace + "-preview").ListAsync());
    }

    const string ScenarioAuthoringServiceCohort = Application.Training.ScenarioAuthoringService.PreviewCohort;
}
