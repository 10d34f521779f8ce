using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Growth.Dashboard.Tests;

/// <summary>The training API over real HTTP: a session answered with typed lines, and each refusal naming what was wrong.</summary>
[Collection(DashboardCollection.Name)]
public class TrainingApiTests(DashboardHost host)
{
    const string Workspace = "training-api";
    const string Base = $"/api/workspaces/{Workspace}/training";

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

    [Fact]
    public async Task A_trainee_answers_with_typed_lines_and_the_review_says_how_each_was_read()
    {
        var trainee = await host.SignInAsAsync($"{Workspace}:Trainee");
        var session = await Json(await trainee.Http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = "crm-small-business", difficulty = "Easy", seed = 4, cohort = "api" }));
        var id = session.GetProperty("sessionId").GetString();
        Assert.Equal(trainee.UserName, session.GetProperty("trainee").GetString());

        var view = await Json(await trainee.Http.PostAsJsonAsync($"{Base}/sessions/{id}/lines", new { line = "Hi, this is Jordan from Growth. How many leads go cold each month at your company?" }));
        Assert.Equal("Rapport", view.GetProperty("step").GetString());
        Assert.Equal(1, view.GetProperty("transcript").GetArrayLength());
        // Chinese in the same session, then scripted choices to the end.
        view = await Json(await trainee.Http.PostAsJsonAsync($"{Base}/sessions/{id}/lines", new { line = "恭喜恭喜，生意越做越大，这可是好事啊。" }));
        for (var guard = 0; view.GetProperty("outcome").GetString() == "InProgress" && guard < 30; guard++)
            view = await Json(await trainee.Http.PostAsJsonAsync($"{Base}/sessions/{id}/choices", new { choiceId = view.GetProperty("choices")[0].GetProperty("id").GetString() }));
        Assert.NotEqual("InProgress", view.GetProperty("outcome").GetString());

        var replay = view.GetProperty("review").GetProperty("replay");
        var first = replay[0];
        Assert.Equal("own-line", first.GetProperty("chosen").GetProperty("id").GetString());
        Assert.Equal("NeedsQuestion", first.GetProperty("reading").GetProperty("technique").GetString());
        Assert.Equal("English", first.GetProperty("reading").GetProperty("language").GetString());
        Assert.StartsWith("Read as needs question", first.GetProperty("chosen").GetProperty("why").GetString());
        Assert.NotEqual(0, first.GetProperty("reading").GetProperty("why").GetArrayLength());
        Assert.Equal("Rapport", replay[1].GetProperty("reading").GetProperty("technique").GetString());
        Assert.Equal("Chinese", replay[1].GetProperty("reading").GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Null, replay[2].GetProperty("reading").ValueKind);

        // The finished session is read back the same, and refuses another line saying why.
        Assert.Equal(view.GetProperty("outcome").GetString(), (await Json(await trainee.Http.GetAsync($"{Base}/sessions/{id}"))).GetProperty("outcome").GetString());
        Assert.Contains("is over", await Refusal(await trainee.Http.PostAsJsonAsync($"{Base}/sessions/{id}/lines", new { line = "Hello again" }), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_typed_line_is_refused_naming_what_was_wrong()
    {
        var http = host.Http;
        var session = await Json(await http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = "home-solar", trainee = "Api Refusals", cohort = "api" }));
        var id = session.GetProperty("sessionId").GetString();
        Assert.StartsWith("line: is empty", await Refusal(await http.PostAsJsonAsync($"{Base}/sessions/{id}/lines", new { line = "  " }), HttpStatusCode.BadRequest));
        Assert.StartsWith("line: is empty", await Refusal(await http.PostAsJsonAsync($"{Base}/sessions/{id}/lines", new { }), HttpStatusCode.BadRequest));
        Assert.Equal("line: is 401 characters long; at most 400 are allowed",
            await Refusal(await http.PostAsJsonAsync($"{Base}/sessions/{id}/lines", new { line = new string('x', 401) }), HttpStatusCode.BadRequest));
        Assert.Equal("sessionId: training session 'no-such-session' was never started in training-api",
            await Refusal(await http.PostAsJsonAsync($"{Base}/sessions/no-such-session/lines", new { line = "Hello" }), HttpStatusCode.NotFound));
        // Nothing was stored by the refusals.
        Assert.Equal(0, (await Json(await http.GetAsync($"{Base}/sessions/{id}"))).GetProperty("transcript").GetArrayLength());

        Assert.StartsWith("scenarioId: 'nope' is not a scenario (known: ", await Refusal(await http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = "nope", trainee = "X" }), HttpStatusCode.BadRequest));
        Assert.Equal("difficulty: 'Brutal' is not one of Easy, Normal, Hard",
            await Refusal(await http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = "home-solar", difficulty = "Brutal", trainee = "X" }), HttpStatusCode.BadRequest));

        // The start refusals speak the caller's language, as the Training page does.
        Assert.Equal("The customer seed must be 0 or more.",
            await Refusal(await http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = "home-solar", trainee = "X", seed = -1 }), HttpStatusCode.BadRequest));
        using var chinese = new HttpRequestMessage(HttpMethod.Post, $"{Base}/sessions") { Content = JsonContent.Create(new { scenarioId = "home-solar", trainee = "X", seed = -1 }) };
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        Assert.Equal("客户种子必须为 0 或更大。", await Refusal(await http.SendAsync(chinese), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_trainee_may_not_answer_in_someone_elses_session()
    {
        var session = await Json(await host.Http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = "home-solar", trainee = "Someone Else", cohort = "api" }));
        var id = session.GetProperty("sessionId").GetString();
        var trainee = await host.SignInAsAsync($"{Workspace}:Trainee");
        Assert.Contains("is Someone Else's", await Refusal(await trainee.Http.PostAsJsonAsync($"{Base}/sessions/{id}/lines", new { line = "Hello" }), HttpStatusCode.Forbidden));
        Assert.Contains("train only as yourself", await Refusal(await trainee.Http.PostAsJsonAsync($"{Base}/sessions", new { scenarioId = "home-solar", trainee = "Someone Else" }), HttpStatusCode.Forbidden));
        Assert.Equal(0, (await Json(await host.Http.GetAsync($"{Base}/sessions/{id}"))).GetProperty("transcript").GetArrayLength());
    }

    [Fact]
    public async Task A_line_can_be_read_without_a_session()
    {
        var reading = await Json(await host.Http.PostAsJsonAsync($"{Base}/readings", new { line = "如果下个月开始，您团队那边来得及吗？" }));
        Assert.Equal("TrialClose", reading.GetProperty("technique").GetString());
        Assert.Equal("Chinese", reading.GetProperty("language").GetString());
        Assert.True(reading.GetProperty("confidence").GetDouble() >= 0.4);
        Assert.StartsWith("line: is empty", await Refusal(await host.Http.PostAsJsonAsync($"{Base}/readings", new { line = "" }), HttpStatusCode.BadRequest));
    }
}
