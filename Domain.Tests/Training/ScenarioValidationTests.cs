using System.Globalization;
using Growth.Domain.Training;

namespace Growth.Domain.Tests.Training;

/// <summary>
/// The editor's check of a scenario file: every problem named by its JSON path at once (not just the first), unknown
/// names listed with the allowed ones; and which scenarios a workspace's trainees see.
/// </summary>
public class ScenarioValidationTests
{
    static string Shipped(string id) => File.ReadAllText(Path.Combine(TrainingCatalogue.DefaultFolder, id + ".json"));

    static IReadOnlyList<ScenarioProblem> ProblemsOf(string json)
    {
        var (scenario, problems) = TrainingScenarios.Check(json);
        Assert.True(scenario is null == problems.Count > 0, "a scenario comes back exactly when there is no problem");
        return problems;
    }

    [Fact]
    public void Every_shipped_scenario_has_no_problem()
    {
        foreach (var s in TrainingCatalogue.Load().Scenarios)
        {
            Assert.Empty(ProblemsOf(Shipped(s.Id)));
            // Written back out as a file, it reads back the same.
            Assert.Equal(TrainingScenarios.ToJson(s), TrainingScenarios.ToJson(TrainingScenarios.Check(TrainingScenarios.ToJson(s)).Scenario!));
        }
    }

    [Fact]
    public void Several_rule_breaks_are_all_named_by_path()
    {
        var json = Shipped("home-solar")
            .Replace("\"quality\": 0.95", "\"quality\": 1.5")                       // steps[0].responses[0]
            .Replace("\"id\": \"hs-rap-mid\"", "\"id\": \"hs-open-mid\"")          // duplicate id at steps[1].responses[1]
            .Replace("{contact}", "{customer}")                                    // unknown placeholder
            .Replace("\"step\": \"Topic\"", "\"step\": \"Close\"");                // Topic missing, Close twice
        var problems = ProblemsOf(json).Select(p => p.ToString()).ToList();

        Assert.Contains("steps[0].responses[0].quality: must be between 0 and 1 (was 1.5)", problems);
        Assert.Contains("steps[1].responses[1].id: 'hs-open-mid' is used twice in the scenario", problems);
        Assert.Contains("steps[0].responses[0].text: placeholder {customer} is not known (known: {contact}, {company}, {need}, {product}, {price}, {trial})", problems);
        Assert.Contains("steps: needs exactly one entry for step Topic (found 0)", problems);
        Assert.Contains("steps: needs exactly one entry for step Close (found 2)", problems);
    }

    [Fact]
    public void A_step_without_responses_and_missing_fields_are_named()
    {
        var scenario = TrainingScenarios.Check(Shipped("home-solar")).Scenario!;
        var broken = scenario with
        {
            Title = "",
            Steps = [.. scenario.Steps.Select((s, i) => i == 2 ? s with { Responses = [] } : s)],
        };
        var problems = TrainingScenarios.Problems(broken).Select(p => p.ToString()).ToList();
        Assert.Equal(["title: is required", "steps[2].responses: needs at least two responses to choose from (has 0)"], problems);
    }

    [Fact]
    public void Unknown_names_and_fields_are_all_named_listing_the_allowed_ones()
    {
        var json = Shipped("home-solar")
            .Replace("\"objections\": [\"BudgetEnvironment\", \"CompetitorDifference\", \"Service\"]", "\"objections\": [\"BudgetEnvironment\", \"Price\", \"Service\"]")
            .Replace("\"type\": \"Service\"", "\"type\": \"Warranty\"")
            .Replace("\"listPrice\": 9800", "\"listPrise\": 9800")
            .Replace("\"seed\": 202", "\"seed\": \"two\"");
        var problems = ProblemsOf(json).Select(p => p.ToString()).ToList();

        const string allowed = "(allowed: Experience, CompetitorDifference, CompetitorStrength, BudgetEnvironment, Service)";
        Assert.Contains($"objections[1]: 'Price' is not a known objection type {allowed}", problems);
        Assert.Contains($"objectionHandling[2].type: 'Warranty' is not a known objection type {allowed}", problems);
        Assert.Contains(problems, p => p.StartsWith("listPrise: is not a known field (known here: id, language, title, market, product, summary, listPrice,", StringComparison.Ordinal));
        Assert.Contains("seed: must be a whole number, 0 or more", problems);
        Assert.Equal(4, problems.Count);
    }

    [Theory]
    [InlineData("", "(root): the file is empty")]
    [InlineData("{ \"id\": ", "(root): is not valid JSON (line 1, position 9)")]
    [InlineData("[1, 2]", "(root): must be a JSON object")]
    public void Text_that_is_not_a_scenario_is_named(string json, string problem) =>
        Assert.Equal([problem], ProblemsOf(json).Select(p => p.ToString()));

    [Fact]
    public void A_trial_placeholder_needs_a_trial()
    {
        var scenario = TrainingScenarios.Check(Shipped("home-solar")).Scenario!;
        var problems = TrainingScenarios.Problems(scenario with { Trial = "", Steps = [scenario.Steps[0] with { Customer = "Is {trial} free?" }, .. scenario.Steps.Skip(1)] });
        Assert.Equal([new ScenarioProblem("steps[0].customer", "uses {trial} but the scenario has no trial")], problems);
    }

    [Fact]
    public void A_workspace_sees_the_built_in_scenarios_its_own_in_its_language_and_its_new_ones()
    {
        var builtIn = TrainingCatalogue.Load().Scenarios;
        var solar = builtIn.Single(s => s.Id == "home-solar");
        AuthoredScenario Own(TrainingScenario s, string language) => new(s, language, 1, "manager", DateTimeOffset.UnixEpoch);
        var authored = new[]
        {
            Own(solar with { Title = "Our solar" }, ScenarioLibrary.English),
            Own(solar with { Id = "heat-pump", Title = "热泵" }, ScenarioLibrary.Chinese),
        };

        var english = ScenarioLibrary.ForWorkspace(builtIn, authored, ScenarioLibrary.English);
        Assert.Equal([.. builtIn.Select(s => s.Id), "heat-pump"], english.Select(s => s.Id));
        Assert.Equal("Our solar", english.Single(s => s.Id == "home-solar").Title);
        // Written only in Chinese, a new scenario still shows in English; the English override does not replace the Chinese built-in.
        Assert.Equal("热泵", english.Single(s => s.Id == "heat-pump").Title);
        var chinese = ScenarioLibrary.ForWorkspace(builtIn, authored, ScenarioLibrary.Chinese);
        Assert.Equal(solar.Title, chinese.Single(s => s.Id == "home-solar").Title);
        // Without authored scenarios the list is the built-in one.
        Assert.Equal(builtIn, ScenarioLibrary.ForWorkspace(builtIn, [], ScenarioLibrary.English));
    }

    [Theory]
    [InlineData("home-solar.json", "en")]
    [InlineData("home-solar.zh-Hans.json", "zh-Hans")]
    [InlineData("home-solar.ZH-hans.json", "zh-Hans")]
    [InlineData("my.scenario.json", "en")]
    public void A_file_name_says_its_language_and_an_export_is_named_as_the_shipped_files(string file, string language)
    {
        Assert.Equal(language, ScenarioLibrary.LanguageOfFile(file));
        Assert.Equal(language == "en" ? "home-solar.json" : "home-solar.zh-Hans.json", ScenarioLibrary.FileName("home-solar", language));
        Assert.Equal("zh-Hans", ScenarioLibrary.LanguageOf(CultureInfo.GetCultureInfo("zh-Hans")));
        Assert.Equal("language: 'fr' is not one of en, zh-Hans", ScenarioLibrary.LanguageProblem("fr"));
    }
}
