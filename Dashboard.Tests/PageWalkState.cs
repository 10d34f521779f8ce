using System.Net.Http.Json;
using System.Text.Json;
using Growth.Dashboard.Application.Calibration;
using Growth.Domain.Training;
using Growth.Grains.Workspaces;
using Growth.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>
/// What the page walks (<see cref="AccessibilityBrowserTests"/>, <see cref="PhoneBrowserTests"/>) need on each page
/// beyond the simulated workspace, made once per host and the same every run: a recent lost deal for one customer's
/// timeline, an imported CRM history (the Maven sample) for the calibration page, and a passed training assignment
/// for the certificate page.
/// </summary>
internal sealed record PageWalkState(string? Journey, string Assignment)
{
    /// <summary>The workspace the Maven sample is imported into (not the Import page's default, so that page stays as a newcomer finds it).</summary>
    internal const string Imported = "browser-axe-crm";

    /// <summary>The training workspace of the certificate, and the trainee who passed.</summary>
    internal const string Training = "browser-axe-training";
    internal const string Trainee = "Mei Chen";

    /// <summary>Every page a person can open, with the state each shows (sign-in comes first, as a visitor sees it; sign-out last).</summary>
    internal IReadOnlyList<string> Pages()
    {
        const string ws = AccessibilityBrowserTests.Workspace;
        return
        [
            "signin", $"?workspace={ws}", $"marketing?workspace={ws}", $"sales?workspace={ws}", $"forecast?workspace={ws}",
            $"pipeline?workspace={ws}", $"records?workspace={ws}", $"insight?workspace={ws}", $"customer?workspace={ws}",
            .. Journey is null ? Array.Empty<string>() : [$"customer/{Journey}?workspace={ws}"],
            $"whatif?workspace={ws}", $"compensation?workspace={ws}", $"setup?workspace={ws}",
            "import", $"calibration?workspace={Imported}", $"training?workspace={ws}",
            $"training/certificate?training={Training}&assignment={Uri.EscapeDataString(Assignment)}&trainee={Uri.EscapeDataString(Trainee)}",
            "admin", "training/scenarios", $"pool?workspace={ws}", $"grades?workspace={ws}", "signout",
        ];
    }

    /// <summary>Makes (or finds) the state; the calibration's review is computed here, so the page answers from memory.</summary>
    internal static async Task<PageWalkState> PreparedAsync(DashboardHost host)
    {
        var journey = (await AccessibilityBrowserTests.SimulatedAsync(host))?.RecentLosses.FirstOrDefault()?.JourneyId;
        if (await host.Grains.GetGrain<IWorkspaceGrain>(Imported).GetOrganisationAsync() is null)
        {
            using var imported = await host.Http.PostAsync($"/api/workspaces/{Imported}/imports", ImportSample.MavenUpload());
            Assert.True(imported.IsSuccessStatusCode, $"the walk's import was refused: {await imported.Content.ReadAsStringAsync()}");
        }
        var review = await host.App.Services.GetRequiredService<CalibratedSimulations>().ReviewAsync(Imported);
        Assert.True(review.Refusal is null, $"the walk's calibration was refused: {review.Refusal?.Detail}");
        return new PageWalkState(journey, await PassedAssignmentAsync(host));
    }

    /// <summary>An assignment of the small-business scenario that <see cref="Trainee"/> passed with every best answer.</summary>
    static async Task<string> PassedAssignmentAsync(DashboardHost host)
    {
        const string api = $"/api/workspaces/{Training}/training";
        var boards = await host.Http.GetFromJsonAsync<JsonElement>($"{api}/assignments");
        if (boards.GetArrayLength() > 0) return boards[0].GetProperty("assignment").GetProperty("id").GetString()!;

        var scenario = TrainingPlay.Scenario("crm-small-business");
        var assigned = await Json(await host.Http.PostAsJsonAsync($"{api}/assignments",
            new { scenarioId = scenario.Id, difficulty = "Easy", trainees = new[] { Trainee }, due = host.Time.GetUtcNow().AddDays(7), passMark = 90 }));
        // A customer who buys when every answer is the best one (the pure engine decides, with the same seed as the server).
        var seed = Enumerable.Range(1, 60).Select(s => (ulong)s)
            .First(s => TrainingPlay.Play(scenario, TrainingPlay.Start(scenario, TrainingDifficulty.Easy, s), TrainingPlay.Best).Outcome == TrainingOutcome.Won);
        var state = TrainingPlay.Start(scenario, TrainingDifficulty.Easy, seed);
        var session = await Json(await host.Http.PostAsJsonAsync($"{api}/sessions", new { scenarioId = scenario.Id, difficulty = "Easy", seed, trainee = Trainee }));
        var id = session.GetProperty("sessionId").GetString();
        while (state.Outcome == TrainingOutcome.InProgress)
        {
            var choice = TrainingPlay.Best(state);
            state = TrainingEngine.Choose(scenario, state, choice.Id);
            await Json(await host.Http.PostAsJsonAsync($"{api}/sessions/{id}/choices", new { choiceId = choice.Id }));
        }
        return assigned.GetProperty("id").GetString()!;
    }

    static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
