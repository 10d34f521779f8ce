using System.Text.RegularExpressions;
using Growth.Domain.Training;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>
/// The Chinese scenario files (<c>id.zh-Hans.json</c>): each is its English twin with only the words changed (same
/// steps, response ids, qualities, prices, objections), every text field is Chinese, and the catalogue hands a Chinese
/// reader the Chinese one.
/// </summary>
public partial class TrainingChineseContentTests
{
    /// <summary>Latin words a Chinese sales trainer writes as they are: product and brand names, "App", "IT", "GPS", "U 盘".</summary>
    static readonly HashSet<string> KeptWords = ["Growth", "CRM", "App", "IT", "GPS", "U"];

    static IReadOnlyList<TrainingScenario> Chinese => Catalogue.Translations[TrainingLanguages.Chinese];

    [Fact]
    public void Every_shipped_scenario_has_a_chinese_version_with_the_same_id()
    {
        Assert.Equal(Catalogue.Scenarios.Select(s => s.Id), Chinese.Select(s => s.Id));
        Assert.All(Chinese, s => Assert.Equal(TrainingLanguages.Chinese, s.Language));
        Assert.All(Catalogue.Scenarios, s => Assert.Equal(TrainingLanguages.English, s.Language));
    }

    [Fact]
    public void Each_chinese_scenario_has_exactly_the_structure_of_its_english_twin()
    {
        foreach (var zh in Chinese)
        {
            var en = Scenario(zh.Id);
            Assert.Equal((en.Market, en.ListPrice, en.Seed, en.Budget, en.MaxDiscount), (zh.Market, zh.ListPrice, zh.Seed, zh.Budget, zh.MaxDiscount));
            Assert.Equal(en.Objections, zh.Objections);
            Assert.Equal(en.Temperaments, zh.Temperaments);
            Assert.Equal(en.Needs.Count, zh.Needs.Count);
            Assert.Equal(en.BuyerRoles.Count, zh.BuyerRoles.Count);
            Assert.Equal(en.Trial.Length > 0, zh.Trial.Length > 0);
            Assert.Equal(en.Steps.Select(s => s.Step), zh.Steps.Select(s => s.Step));
            Assert.Equal(en.ObjectionHandling.Select(o => o.Type), zh.ObjectionHandling.Select(o => o.Type));
            foreach (var (a, b) in Pairs(en).Zip(Pairs(zh)))
            {
                Assert.Equal(a.Where, b.Where);
                Assert.Equal(a.Responses.Select(r => (r.Id, r.Quality)), b.Responses.Select(r => (r.Id, r.Quality)));
                // The same placeholders, so the Chinese customer names the same contact, price and need.
                Assert.True(Placeholders(a.Customer).SetEquals(Placeholders(b.Customer)), $"{zh.Id} {b.Where}: the customer's placeholders differ from English");
                foreach (var (x, y) in a.Responses.Zip(b.Responses)) Assert.True(Placeholders(x.Text).SetEquals(Placeholders(y.Text)), $"{zh.Id} {y.Id}: placeholders differ from English");
            }
        }
    }

    [Fact]
    public void Every_text_field_of_a_chinese_scenario_is_chinese_with_no_english_left()
    {
        foreach (var zh in Chinese)
        {
            var fields = new List<(string Field, string Text)> { ("title", zh.Title), ("product", zh.Product), ("summary", zh.Summary), ("trial", zh.Trial) };
            fields.AddRange(zh.Needs.Select((n, i) => ($"needs[{i}]", n)));
            fields.AddRange(zh.BuyerRoles.Select((n, i) => ($"buyerRoles[{i}]", n)));
            foreach (var p in Pairs(zh))
            {
                fields.Add(($"{p.Where}.customer", p.Customer));
                foreach (var r in p.Responses) fields.AddRange([($"{r.Id}.text", r.Text), ($"{r.Id}.why", r.Why)]);
            }
            Assert.True(fields.Count >= 60, $"{zh.Id}: only {fields.Count} text fields");
            foreach (var (field, text) in fields)
            {
                Assert.True(Han().IsMatch(text), $"{zh.Id} {field} has no Chinese: {text}");
                var english = Word().Matches(Placeholder().Replace(text, "")).Select(m => m.Value).Where(w => !KeptWords.Contains(w)).ToList();
                Assert.True(english.Count == 0, $"{zh.Id} {field} still has English ({string.Join(", ", english)}): {text}");
            }
        }
    }

    [Theory]
    [InlineData("zh-Hans", TrainingLanguages.Chinese)]
    [InlineData("zh-CN", TrainingLanguages.Chinese)]
    [InlineData("zh", TrainingLanguages.Chinese)]
    [InlineData("en", TrainingLanguages.English)]
    [InlineData("en-GB", TrainingLanguages.English)]
    [InlineData("fr-FR", TrainingLanguages.English)]
    [InlineData("", TrainingLanguages.English)]
    public void The_catalogue_hands_a_reader_the_scenarios_in_their_language_and_english_otherwise(string culture, string expected)
    {
        var seen = Catalogue.In(culture);
        Assert.Equal(Catalogue.Scenarios.Select(s => s.Id), seen.Scenarios.Select(s => s.Id));
        Assert.All(seen.Scenarios, s => Assert.Equal(expected, s.Language));
        Assert.Equal(expected, seen.Find("home-solar")!.Language);
        if (expected == TrainingLanguages.Chinese) Assert.Equal("为房主推荐屋顶光伏", seen.Find("home-solar")!.Title);
    }

    [Fact]
    public void A_scenario_without_a_translation_stays_english_for_a_chinese_reader()
    {
        var folder = Directory.CreateTempSubdirectory("growth-training-zh-").FullName;
        try
        {
            foreach (var id in new[] { "home-solar", "tutoring-parent" }) File.Copy(Path.Combine(TrainingCatalogue.DefaultFolder, id + ".json"), Path.Combine(folder, id + ".json"));
            File.Copy(Path.Combine(TrainingCatalogue.DefaultFolder, "home-solar.zh-Hans.json"), Path.Combine(folder, "home-solar.zh-Hans.json"));
            var seen = TrainingCatalogue.Load(folder).In("zh-Hans");
            Assert.Equal(TrainingLanguages.Chinese, seen.Find("home-solar")!.Language);
            Assert.Equal(TrainingLanguages.English, seen.Find("tutoring-parent")!.Language);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Theory]
    [InlineData("crm-small-business.zh-Hans.json", "id", "has no English scenario")]
    [InlineData("home-solar.fr.json", "(file name)", "zh-Hans")]
    [InlineData("home-solar.en.json", "(file name)", "id.json")]
    public void A_translation_without_its_english_twin_or_of_an_unknown_language_is_refused_naming_the_file(string file, string field, string problem)
    {
        var folder = Directory.CreateTempSubdirectory("growth-training-zh-").FullName;
        try
        {
            File.Copy(Path.Combine(TrainingCatalogue.DefaultFolder, "home-solar.json"), Path.Combine(folder, "home-solar.json"));
            var source = file.StartsWith("crm", StringComparison.Ordinal) ? "crm-small-business.zh-Hans.json" : "home-solar.zh-Hans.json";
            File.Copy(Path.Combine(TrainingCatalogue.DefaultFolder, source), Path.Combine(folder, file));
            var e = Assert.Throws<TrainingScenarioException>(() => TrainingCatalogue.Load(folder));
            Assert.Equal(file, e.File);
            Assert.Equal(field, e.Field);
            Assert.Contains(problem, e.Problem);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_file_whose_stated_language_is_not_its_file_names_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("growth-training-zh-").FullName;
        try
        {
            var json = File.ReadAllText(Path.Combine(TrainingCatalogue.DefaultFolder, "home-solar.json"));
            File.WriteAllText(Path.Combine(folder, "home-solar.json"), json.Replace("\"id\": \"home-solar\",", "\"id\": \"home-solar\", \"language\": \"zh-Hans\","));
            var e = Assert.Throws<TrainingScenarioException>(() => TrainingCatalogue.Load(folder));
            Assert.Equal(("home-solar.json", "language"), (e.File, e.Field));
            var unknown = Assert.Throws<TrainingScenarioException>(() => TrainingScenarios.Parse("x.json", json.Replace("\"id\": \"home-solar\",", "\"id\": \"home-solar\", \"language\": \"de\",")));
            Assert.Equal("language", unknown.Field);
            Assert.Contains("en, zh-Hans", unknown.Problem);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    static IEnumerable<(string Where, string Customer, IReadOnlyList<TrainingResponse> Responses)> Pairs(TrainingScenario s) =>
        s.Steps.Select(x => (x.Step.ToString(), x.Customer, x.Responses))
            .Concat(s.ObjectionHandling.Select(o => (o.Type.ToString(), o.Customer, o.Responses)));

    static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();
}
