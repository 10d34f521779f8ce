using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Growth.Domain.Training;
using Growth.TestSupport;

namespace Growth.Dashboard.Tests;

/// <summary>
/// Managers' assignments over real HTTP: a manager assigns a scenario with a due date and pass mark; each rep plays it;
/// the board shows who attempted and who passed; the certificate exists only once passed; a rep sees only their own
/// line and certificate, a manager of another team nothing.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TrainingAssignmentApiTests(DashboardHost host)
{
    const string Workspace = "training-assign";
    const string Base = $"/api/workspaces/{Workspace}/training";
    static readonly TrainingScenario Crm = TrainingPlay.Scenario("crm-small-business");

    static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    static async Task<string> Refusal(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    /// <summary>Plays a session through the API with the choices the pure engine's <paramref name="pick"/> makes (same seed, same customer).</summary>
    static async Task<TrainingState> PlayAsync(HttpClient http, ulong seed, Func<TrainingState, TrainingOption> pick)
    {
        var state = TrainingPlay.Start(Crm, TrainingDifficulty.Easy, seed);
        var view = await Json(await http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = Crm.Id, difficulty = "Easy", seed, cohort = "spring" }));
        var id = view.GetProperty("sessionId").GetString();
        while (state.Outcome == TrainingOutcome.InProgress)
        {
            var choice = pick(state);
            state = TrainingEngine.Choose(Crm, state, choice.Id);
            view = await Json(await http.PostAsJsonAsync($"{Base}/sessions/{id}/choices", new { choiceId = choice.Id }));
        }
        Assert.Equal(state.Outcome.ToString(), view.GetProperty("outcome").GetString());
        return state;
    }

    static JsonElement Row(JsonElement boards, string trainee) =>
        boards.EnumerateArray().SelectMany(b => b.GetProperty("rows").EnumerateArray())
            .Single(r => r.GetProperty("progress").GetProperty("trainee").GetString() == trainee).GetProperty("progress");

    [Fact]
    public async Task A_manager_assigns_and_sees_who_passed_and_each_rep_sees_only_their_own_line_and_certificate()
    {
        var manager = await host.SignInAsAsync($"{Workspace}:SalesManager:team-1-1");
        var otherManager = await host.SignInAsAsync($"{Workspace}:SalesManager:team-2-1");
        var ana = await host.SignInAsAsync($"{Workspace}:Rep:rep-1-1-1");
        var bo = await host.SignInAsAsync($"{Workspace}:Rep:rep-1-1-2");
        var due = host.Time.GetUtcNow().AddDays(7);

        Assert.StartsWith("only leaders, sales managers and administrators",
            await Refusal(await ana.Http.PostAsJsonAsync($"{Base}/assignments", new { scenarioId = Crm.Id, trainees = new[] { ana.UserName }, due }), HttpStatusCode.Forbidden));
        Assert.StartsWith("due: ", await Refusal(await manager.Http.PostAsJsonAsync($"{Base}/assignments",
            new { scenarioId = Crm.Id, trainees = new[] { ana.UserName }, due = host.Time.GetUtcNow().AddDays(-1) }), HttpStatusCode.BadRequest));
        Assert.Empty((await Json(await manager.Http.GetAsync($"{Base}/assignments"))).EnumerateArray());

        var assigned = await Json(await manager.Http.PostAsJsonAsync($"{Base}/assignments",
            new { scenarioId = Crm.Id, difficulty = "Easy", trainees = new[] { ana.UserName, bo.UserName }, due, passMark = 90 }));
        var id = assigned.GetProperty("id").GetString()!;
        Assert.Equal(["team-1-1"], assigned.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        var board = await Json(await manager.Http.GetAsync($"{Base}/assignments"));
        Assert.Equal("Assigned", Row(board, ana.UserName).GetProperty("status").GetString());
        Assert.Contains("has not reached the pass mark of 90", await Refusal(await ana.Http.GetAsync($"{Base}/assignments/{id}/certificates/{ana.UserName}"), HttpStatusCode.NotFound));

        // Ana plays every best answer on a customer who buys; Bo the worst answers.
        var seed = Enumerable.Range(1, 60).Select(s => (ulong)s)
            .First(s => TrainingPlay.Play(Crm, TrainingPlay.Start(Crm, TrainingDifficulty.Easy, s), TrainingPlay.Best).Outcome == TrainingOutcome.Won);
        await PlayAsync(ana.Http, seed, TrainingPlay.Best);
        await PlayAsync(bo.Http, seed, TrainingPlay.Worst);

        board = await Json(await manager.Http.GetAsync($"{Base}/assignments"));
        var anaRow = Row(board, ana.UserName);
        var boRow = Row(board, bo.UserName);
        Assert.Equal(("Passed", 1, 100), (anaRow.GetProperty("status").GetString(), anaRow.GetProperty("attempts").GetInt32(), anaRow.GetProperty("bestScore").GetInt32()));
        Assert.Equal(("Attempted", 1), (boRow.GetProperty("status").GetString(), boRow.GetProperty("attempts").GetInt32()));
        Assert.True(boRow.GetProperty("bestScore").GetInt32() < 90);

        // Each rep sees their own line only; a manager of another team sees no assignment of this one.
        var own = await Json(await bo.Http.GetAsync($"{Base}/assignments"));
        Assert.Equal([bo.UserName], own.EnumerateArray().SelectMany(b => b.GetProperty("rows").EnumerateArray()).Select(r => r.GetProperty("progress").GetProperty("trainee").GetString()));
        Assert.False(own[0].GetProperty("managed").GetBoolean());
        Assert.Empty((await Json(await otherManager.Http.GetAsync($"{Base}/assignments"))).EnumerateArray());

        // The certificate: Ana's, to Ana and her manager; not to Bo; Bo has none until he passes.
        var certificate = await Json(await ana.Http.GetAsync($"{Base}/assignments/{id}/certificates/{ana.UserName}"));
        Assert.Equal((ana.UserName, Crm.Title, 100, 90), (certificate.GetProperty("trainee").GetString(), certificate.GetProperty("scenarioTitle").GetString(),
            certificate.GetProperty("score").GetInt32(), certificate.GetProperty("passMark").GetInt32()));
        await Json(await manager.Http.GetAsync($"{Base}/assignments/{id}/certificates/{ana.UserName}"));
        await Refusal(await bo.Http.GetAsync($"{Base}/assignments/{id}/certificates/{ana.UserName}"), HttpStatusCode.Forbidden);
        await Refusal(await otherManager.Http.GetAsync($"{Base}/assignments/{id}/certificates/{ana.UserName}"), HttpStatusCode.Forbidden);
        Assert.Contains("has not reached the pass mark", await Refusal(await manager.Http.GetAsync($"{Base}/assignments/{id}/certificates/{bo.UserName}"), HttpStatusCode.NotFound));
    }
}
