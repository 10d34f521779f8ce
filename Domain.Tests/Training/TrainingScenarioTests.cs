using Growth.Domain.Training;

namespace Growth.Domain.Tests.Training;

/// <summary>Scenario files: the shipped ones load, and a broken file is refused naming the file and the field.</summary>
public class TrainingScenarioTests
{
    static string Shipped(string id) => File.ReadAllText(Path.Combine(TrainingCatalogue.DefaultFolder, id + ".json"));

    [Fact]
    public void The_shipped_scenarios_load_at_least_five_across_consumer_and_business_sales()
    {
        var catalogue = TrainingCatalogue.Load();
        Assert.True(catalogue.Scenarios.Count >= 5, $"only {catalogue.Scenarios.Count} scenarios");
        Assert.Contains(catalogue.Scenarios, s => s.Market == TrainingMarket.Consumer);
        Assert.Contains(catalogue.Scenarios, s => s.Market == TrainingMarket.Business);
        foreach (var s in catalogue.Scenarios)
            foreach (var objection in s.Objections) Assert.Contains(s.ObjectionHandling, o => o.Type == objection);
    }

    [Theory]
    [InlineData("\"quality\": 0.95", "\"quality\": 1.5", "steps[0].responses[0].quality")]
    [InlineData("\"listPrice\": 1200", "\"listPrice\": -5", "listPrice")]
    [InlineData("\"listPrice\": 1200", "\"listPrise\": 1200", "listPrise")]
    [InlineData("\"step\": \"Rapport\"", "\"step\": \"Smalltalk\"", "steps[1].step")]
    [InlineData("\"step\": \"Rapport\"", "\"step\": \"Opening\"", "steps")]
    [InlineData("\"id\": \"tp-rap-mid\"", "\"id\": \"tp-rap-best\"", "steps[1].responses[1].id")]
    [InlineData("\"type\": \"Service\"", "\"type\": \"Experience\"", "objectionHandling[3].type")]
    [InlineData("\"buyerRoles\": [\"Parent\", \"Guardian\"]", "\"buyerRoles\": []", "buyerRoles")]
    [InlineData("\"why\": \"Polite, but generic: nothing tells the parent you know why they got in touch.\"", "\"why\": \"\"", "steps[0].responses[1].why")]
    public void A_broken_file_is_refused_naming_the_file_and_the_field(string original, string broken, string field)
    {
        var json = Shipped("tutoring-parent");
        Assert.Contains(original, json);
        var e = Assert.Throws<TrainingScenarioException>(() => TrainingScenarios.Parse("tutoring-parent.json", json.Replace(original, broken)));
        Assert.Equal("tutoring-parent.json", e.File);
        Assert.Equal(field, e.Field);
        Assert.StartsWith("training scenario tutoring-parent.json: " + field + ":", e.Message);
    }

    [Fact]
    public void An_objection_without_responses_and_a_step_without_a_best_practice_answer_are_refused()
    {
        var json = Shipped("home-solar");
        var noHandling = Assert.Throws<TrainingScenarioException>(() =>
            TrainingScenarios.Parse("x.json", json.Replace("\"objections\": [\"BudgetEnvironment\", \"CompetitorDifference\", \"Service\"]", "\"objections\": [\"BudgetEnvironment\", \"Experience\"]")));
        Assert.Equal("objectionHandling", noHandling.Field);
        Assert.Contains("Experience", noHandling.Problem);

        var noBest = Assert.Throws<TrainingScenarioException>(() => TrainingScenarios.Parse("x.json", json.Replace("\"quality\": 0.95", "\"quality\": 0.6")));
        Assert.Equal("steps[0].responses", noBest.Field);
    }

    [Fact]
    public void Two_files_with_the_same_id_are_refused_naming_the_second()
    {
        var json = Shipped("home-solar");
        var e = Assert.Throws<TrainingScenarioException>(() => TrainingScenarios.Catalogue([("a.json", json), ("b.json", json)]));
        Assert.Equal("b.json", e.File);
        Assert.Equal("id", e.Field);
        Assert.Contains("a.json", e.Problem);
    }

    [Fact]
    public void A_folder_with_a_broken_file_fails_to_load_and_names_it()
    {
        var folder = Directory.CreateTempSubdirectory("growth-training-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.json"), Shipped("home-solar"));
            File.WriteAllText(Path.Combine(folder, "zz-broken.json"), "{ \"id\": \"broken\", \"title\": ");
            var e = Assert.Throws<TrainingScenarioException>(() => TrainingCatalogue.Load(folder));
            Assert.Equal("zz-broken.json", e.File);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
