using System.Text.RegularExpressions;
using Growth.Domain.Journeys;
using Growth.Domain.Training;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>
/// A session of a Chinese scenario is Chinese throughout: the customer, their name, the choices and the actions, every
/// reaction, the loss reason, how a typed line was read and the review's lesson.
/// </summary>
public partial class TrainingChineseSessionTests
{
    static TrainingScenario Chinese(string id) => Catalogue.In("zh-Hans").Find(id)!;

    static void IsChinese(string? text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{what} is empty");
        Assert.True(Han().IsMatch(text!), $"{what} has no Chinese: {text}");
        // English left in the engine's own words (the scenario's brand names aside) would show as a run of Latin words.
        Assert.False(EnglishPhrase().IsMatch(text!), $"{what} still reads as English: {text}");
    }

    [Fact]
    public void A_session_started_on_a_chinese_scenario_shows_chinese_customer_lines_and_choices()
    {
        foreach (var s in Catalogue.In("zh-Hans").Scenarios)
        {
            var state = Start(s, TrainingDifficulty.Normal, s.Seed);
            Assert.Equal(TrainingLanguages.Chinese, state.Language);
            Assert.Equal(s.StepContent(ConversationStep.Opening).Customer.Replace("{contact}", state.Persona.Contact).Replace("{company}", state.Persona.Company ?? ""), state.Customer);
            IsChinese(state.Customer, $"{s.Id} opening line");
            IsChinese(state.Persona.Contact, $"{s.Id} contact");
            IsChinese(state.Persona.Region, $"{s.Id} region");
            IsChinese(state.Persona.Role, $"{s.Id} role");
            if (s.Market == TrainingMarket.Business) IsChinese(state.Persona.Company, $"{s.Id} company");
            Assert.All(state.Options, o => IsChinese(o.Text, $"{s.Id} choice {o.Id}"));
        }
    }

    [Fact]
    public void The_same_seed_is_the_same_chinese_customer_with_the_same_hidden_budget_and_objections_as_in_english()
    {
        foreach (var zh in Catalogue.In("zh-Hans").Scenarios)
        {
            var en = Scenario(zh.Id);
            var a = TrainingFacesFactory.Persona(zh, TrainingDifficulty.Hard, 9);
            var b = TrainingFacesFactory.Persona(en, TrainingDifficulty.Hard, 9);
            Assert.Equal((a.Budget, a.Temperament), (b.Budget, b.Temperament));
            Assert.Equal(b.HiddenObjections, a.HiddenObjections);
            Assert.Equal(en.Needs.ToList().IndexOf(b.Need), zh.Needs.ToList().IndexOf(a.Need));
            Assert.Equal(a.Contact, TrainingFacesFactory.Persona(zh, TrainingDifficulty.Easy, 9).Contact);
        }
    }

    [Fact]
    public void Every_reaction_reason_and_lesson_of_a_chinese_session_is_chinese()
    {
        var sessions = 0;
        foreach (var s in Catalogue.In("zh-Hans").Scenarios)
            foreach (var pick in new Func<TrainingState, TrainingOption>[] { Best, Worst, st => st.Options[^1] })
                for (ulong seed = 0; seed < 6; seed++)
                {
                    var end = Play(s, Start(s, TrainingDifficulty.Hard, seed), pick);
                    sessions++;
                    Assert.All(end.Turns, t =>
                    {
                        IsChinese(t.Reaction, $"{s.Id} turn {t.Index} reaction");
                        IsChinese(t.Customer, $"{s.Id} turn {t.Index} customer");
                        IsChinese(t.Chosen.Why, $"{s.Id} turn {t.Index} why");
                        IsChinese(t.Best.Text, $"{s.Id} turn {t.Index} better answer");
                    });
                    if (end.Outcome != TrainingOutcome.Won) IsChinese(end.Reason, $"{s.Id} seed {seed} reason");
                    if (TrainingScoring.Review(end).Lesson is { } lesson) IsChinese(lesson, $"{s.Id} lesson");
                }
        Assert.Equal(5 * 3 * 6, sessions);
    }

    [Fact]
    public void A_typed_chinese_line_is_read_and_explained_in_chinese_with_the_seed_articles_step_name()
    {
        var s = Chinese("tutoring-parent");
        var state = Start(s, TrainingDifficulty.Easy, s.Seed);
        state = TrainingEngine.Say(s, state, "您好，我是小周。很多家长跟我们说孩子写作业很头疼，您家有这种情况吗？");
        var turn = Assert.Single(state.Turns);
        Assert.StartsWith("读作", turn.Chosen.Why);
        Assert.Contains("开场白", turn.Chosen.Why);
        Assert.Contains("最佳做法", turn.Chosen.Why);
        Assert.Contains($"“{TrainingText.Chinese.Ngram(turn.Reading!.Why[0].Ngram)}”", turn.Chosen.Why);
        // Numbers as Chinese writes them, and the defined cues by Chinese names.
        Assert.Matches(@"（\d+%）", turn.Chosen.Why);
        Assert.DoesNotMatch("⟨[a-z-]+⟩", turn.Chosen.Why);
        Assert.Equal("⟨热情⟩", TrainingText.Chinese.Ngram("⟨warmth⟩"));
        Assert.Equal("⟨warmth⟩", TrainingText.English.Ngram("⟨warmth⟩"));
        Assert.Equal("孩子", TrainingText.Chinese.Ngram("孩子"));
        IsChinese(turn.Reaction, "reaction");
        // The same line in an English session is explained in English, as before.
        var en = Scenario("tutoring-parent");
        var english = TrainingEngine.Say(en, Start(en, TrainingDifficulty.Easy, en.Seed), "您好，我是小周。很多家长跟我们说孩子写作业很头疼，您家有这种情况吗？");
        Assert.StartsWith("Read as ", english.Turns[0].Chosen.Why);
        Assert.Contains("the opening (开场白)", english.Turns[0].Chosen.Why);
    }

    [Fact]
    public void A_lost_deal_practised_from_the_chinese_catalogue_is_a_chinese_scenario()
    {
        var deal = new LostDeal("demo", "j-42", "rep-1", ConversationStep.ObjectionHandling, "objection not handled",
            ObjectionType.BudgetEnvironment, [ObjectionType.Service, ObjectionType.BudgetEnvironment], 5000);
        var practice = LostDealScenarios.Build(deal, Catalogue.In("zh-Hans").Scenarios);
        Assert.Equal(TrainingLanguages.Chinese, practice.Scenario.Language);
        Assert.StartsWith("丢单 j-42：", practice.Scenario.Title);
        Assert.Contains("丢在解决异议", practice.Scenario.Summary);
        Assert.Contains("服务、预算", practice.Scenario.Summary);
        // The model's reason in the pages' Chinese words.
        Assert.Contains("（异议未解决）", practice.Scenario.Summary);
        IsChinese(practice.Scenario.Summary, "summary");
        var english = LostDealScenarios.Build(deal, Catalogue.Scenarios);
        Assert.StartsWith("Lost deal j-42: ", english.Scenario.Title);
        Assert.Equal(practice.Scenario.Id, english.Scenario.Id);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    /// <summary>Three Latin words in a row: English prose, not a brand name.</summary>
    [GeneratedRegex(@"[A-Za-z]+[ ,;:'’]+[A-Za-z]+[ ,;:'’]+[A-Za-z]+")]
    private static partial Regex EnglishPhrase();
}
