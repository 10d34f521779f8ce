using Growth.Domain.Journeys;
using Growth.Domain.Training;
using Growth.Domain.Training.Reading;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>The engine with typed lines: the customer takes a line as the scripted move it stands for; the review says how each was read.</summary>
public class TrainingFreeTextTests
{
    static readonly Dictionary<ConversationStep, string> GoodEnglish = new()
    {
        [ConversationStep.Opening] = "Hi, Jordan from Growth. Teams your size often lose leads between spreadsheets, is that happening for you?",
        [ConversationStep.Rapport] = "Congratulations on the growth, that's a good problem to have.",
        [ConversationStep.Topic] = "How many leads went cold last quarter because nobody followed up?",
        [ConversationStep.TrialClose] = "If we could start next month, would that work for your team?",
        [ConversationStep.Close] = "I'll send the order over this afternoon and book the kickoff for Monday.",
    };

    static readonly Dictionary<ObjectionType, string> AnswersEnglish = new()
    {
        [ObjectionType.BudgetEnvironment] = "I understand the budget is tight; if it doesn't pay for itself in the first year, we refund the difference.",
        [ObjectionType.Service] = "We guarantee a four-hour support response in writing, with credits if we miss it.",
        [ObjectionType.Experience] = "If your team isn't using it after 60 days, you can cancel with a full refund.",
        [ObjectionType.CompetitorStrength] = "They do have more features, but teams of eight usually use a fraction and pay for all of it.",
        [ObjectionType.CompetitorDifference] = "Unlike them, we include onboarding and local support in the price.",
    };

    static readonly Dictionary<ConversationStep, string> GoodChinese = new()
    {
        [ConversationStep.Opening] = "您好，我是增长公司的小周。像您这样规模的团队，经常有线索跟丢的情况，您这边有吗？",
        [ConversationStep.Rapport] = "恭喜恭喜，生意越做越大，这可是好事啊。",
        [ConversationStep.Topic] = "上个季度有多少单是因为没及时跟进丢掉的？",
        [ConversationStep.TrialClose] = "如果下个月开始，您团队那边来得及吗？",
        [ConversationStep.Close] = "我下午把订单发给您，周一开启动会。",
    };

    static readonly Dictionary<ObjectionType, string> AnswersChinese = new()
    {
        [ObjectionType.BudgetEnvironment] = "预算紧我理解，第一年没帮您把钱省回来，差多少我们退多少。",
        [ObjectionType.Service] = "售后四小时响应我们写进合同，做不到按天赔您服务费。",
        [ObjectionType.Experience] = "六十天内团队用不起来，您可以直接退，全额退款。",
        [ObjectionType.CompetitorStrength] = "他们功能确实多，但八个人的团队一般只用得到一小部分，钱却要全付。",
        [ObjectionType.CompetitorDifference] = "跟他们不一样的是，我们的价格里包含了上线培训和本地服务。",
    };

    /// <summary>Types the good line for the step; when the customer asked for time, agrees the scripted follow-up.</summary>
    static TrainingState PlayTyped(TrainingScenario s, TrainingState state, Dictionary<ConversationStep, string> steps, Dictionary<ObjectionType, string> answers)
    {
        for (var guard = 0; state.Outcome == TrainingOutcome.InProgress; guard++)
        {
            Assert.True(guard < 50, "a session must end");
            state = state.Thinking
                ? TrainingEngine.Choose(s, state, "follow-up-tomorrow")
                : TrainingEngine.Say(s, state, state.CurrentObjection is { } o ? answers[o] : steps[state.Step]);
        }
        return state;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Good_typed_lines_win_most_sessions_and_the_review_says_how_each_line_was_read(string language)
    {
        var s = Scenario("crm-small-business");
        var (steps, answers) = language == "en" ? (GoodEnglish, AnswersEnglish) : (GoodChinese, AnswersChinese);
        var sessions = Enumerable.Range(0, 30).Select(i => PlayTyped(s, Start(s, TrainingDifficulty.Normal, (ulong)i), steps, answers)).ToList();
        Assert.True(sessions.Count(x => x.Outcome == TrainingOutcome.Won) >= 18, $"won only {sessions.Count(x => x.Outcome == TrainingOutcome.Won)} of 30");
        var typed = sessions.SelectMany(x => x.Turns).Where(t => t.Chosen.Id == TrainingFreeText.OptionId).ToList();
        Assert.All(typed, t =>
        {
            Assert.NotNull(t.Reading);
            Assert.Equal(language == "en" ? LineLanguage.English : LineLanguage.Chinese, t.Reading!.Language);
            Assert.StartsWith("Read as ", t.Chosen.Why);
            Assert.Equal(t.Reading.Text, t.Chosen.Text);
        });
        var first = typed.First(t => t.Step == ConversationStep.Topic);
        Assert.Equal(SalesTechnique.NeedsQuestion, first.Reading!.Technique);
        Assert.Equal(TrainingFreeText.Fit[SalesTechnique.NeedsQuestion][(int)ConversationStep.Topic], first.Chosen.Quality);
        Assert.Contains(typed, t => t.Step == ConversationStep.ObjectionHandling && t.Reading!.Objection == t.Objection && t.Chosen.Why.Contains("speaks to the"));
        // The review keeps the reading of every typed line.
        var review = TrainingScoring.Review(sessions[0]);
        Assert.All(review.Replay.Where(t => t.Chosen.Id == TrainingFreeText.OptionId), t => Assert.NotEmpty(t.Reading!.Why));
    }

    [Fact]
    public void Pressure_typed_at_every_step_loses_every_session()
    {
        var s = Scenario("home-solar");
        const string pressure = "Sign today or the price goes up tomorrow, last chance.";
        for (ulong seed = 0; seed < 20; seed++)
        {
            var state = Start(s, TrainingDifficulty.Normal, seed);
            for (var guard = 0; state.Outcome == TrainingOutcome.InProgress && guard < 50; guard++) state = TrainingEngine.Say(s, state, pressure);
            Assert.Equal(TrainingOutcome.Lost, state.Outcome);
            Assert.All(state.Turns, t => Assert.Equal(SalesTechnique.Pressure, t.Reading!.Technique));
        }
    }

    [Fact]
    public void A_typed_line_is_taken_as_the_scripted_answer_of_the_same_quality()
    {
        var s = Scenario("fleet-telematics");
        var start = Start(s, TrainingDifficulty.Normal, 5);
        var typed = TrainingEngine.Say(s, start, GoodEnglish[ConversationStep.Opening]);
        var quality = typed.Turns[0].Chosen.Quality;
        // The same session with a scripted option of that quality moves the customer the same way.
        var scripted = start with { Options = [.. start.Options.Select(o => o.Id == start.Options[0].Id ? o with { Quality = quality } : o)] };
        var chosen = TrainingEngine.Choose(s, scripted, scripted.Options[0].Id);
        Assert.Equal(chosen.Turns[0].After, typed.Turns[0].After);
        Assert.Equal(chosen.Step, typed.Step);
    }

    [Fact]
    public void Answering_a_different_objection_than_the_one_raised_counts_as_a_decoy()
    {
        var s = Scenario("crm-small-business");
        var state = Start(s, TrainingDifficulty.Hard, s.Seed);
        while (state.Step != ConversationStep.ObjectionHandling && state.Outcome == TrainingOutcome.InProgress) state = TrainingEngine.Choose(s, state, Best(state).Id);
        Assert.Equal(ConversationStep.ObjectionHandling, state.Step);
        var raised = state.CurrentObjection!.Value;
        var other = AnswersEnglish.Keys.First(o => o != raised && o != ObjectionType.CompetitorDifference && AnswersEnglish.ContainsKey(o));
        var turn = TrainingEngine.Say(s, state, AnswersEnglish[other]).Turns[^1];
        Assert.Equal(other, turn.Reading!.Objection);
        Assert.Equal(TrainingTuning.Default.DecoyQuality, turn.Chosen.Quality);
        Assert.Contains($"the customer raised {TrainingPrompts.Label(raised)}", turn.Chosen.Why);
    }

    [Fact]
    public void The_same_typed_lines_replay_the_same_session()
    {
        var s = Scenario("tutoring-parent");
        string Json(TrainingState x) => System.Text.Json.JsonSerializer.Serialize(x);
        var a = PlayTyped(s, Start(s, TrainingDifficulty.Normal, 3), GoodChinese, AnswersChinese);
        var b = PlayTyped(s, Start(s, TrainingDifficulty.Normal, 3), GoodChinese, AnswersChinese);
        Assert.Equal(Json(a), Json(b));
    }

    [Fact]
    public void An_empty_line_or_a_finished_session_is_refused_naming_what_was_wrong()
    {
        var s = Scenario("crm-small-business");
        var start = Start(s, TrainingDifficulty.Normal, 1);
        Assert.StartsWith("line: is empty", Assert.Throws<ArgumentException>(() => TrainingEngine.Say(s, start, " ")).Message);
        var over = Play(s, start, Worst);
        Assert.Equal("the session is over", Assert.Throws<ArgumentException>(() => TrainingEngine.Say(s, over, "Hello")).Message);
    }
}
