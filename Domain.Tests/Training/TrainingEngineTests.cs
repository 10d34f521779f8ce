using Growth.Domain.Journeys;
using Growth.Domain.Training;
using static Growth.TestSupport.TrainingPlay;

namespace Growth.Domain.Tests.Training;

/// <summary>Personas, the conversation engine and scoring, on the shipped scenarios.</summary>
public class TrainingEngineTests
{
    static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);

    [Fact]
    public void The_same_seed_gives_the_same_customer_and_another_seed_another()
    {
        foreach (var s in Catalogue.Scenarios)
        {
            var a = TrainingFacesFactory.Persona(s, TrainingDifficulty.Normal, 7);
            var b = TrainingFacesFactory.Persona(s, TrainingDifficulty.Normal, 7);
            Assert.Equal(Json(a), Json(b));
            Assert.NotEqual(Json(a), Json(TrainingFacesFactory.Persona(s, TrainingDifficulty.Normal, 8)));
            Assert.Equal(s.Market == TrainingMarket.Business, a.Company is not null);
            Assert.Contains(a.Need, s.Needs);
            Assert.All(a.HiddenObjections, o => Assert.Contains(o, s.Objections));
        }
    }

    [Fact]
    public void Difficulty_keeps_the_person_but_hides_more_objections_and_less_budget()
    {
        var s = Scenario("crm-small-business");
        var easy = TrainingFacesFactory.Persona(s, TrainingDifficulty.Easy, s.Seed);
        var hard = TrainingFacesFactory.Persona(s, TrainingDifficulty.Hard, s.Seed);
        Assert.Equal((easy.Contact, easy.Company, easy.Need, easy.Temperament), (hard.Contact, hard.Company, hard.Need, hard.Temperament));
        Assert.Single(easy.HiddenObjections);
        Assert.Equal(3, hard.HiddenObjections.Count);
        Assert.True(hard.Budget < easy.Budget);
    }

    [Fact]
    public void The_same_choices_replay_the_same_session()
    {
        var s = Scenario("fleet-telematics");
        // A mixed trainee: best answers except the second-best at even turns.
        TrainingOption Mixed(TrainingState st) => st.Turns.Count % 2 == 0 ? st.Options.OrderByDescending(o => o.Quality).ElementAt(1) : Best(st);
        var a = Play(s, Start(s, TrainingDifficulty.Normal, 11), Mixed);
        var b = Play(s, Start(s, TrainingDifficulty.Normal, 11), Mixed);
        Assert.Equal(Json(a), Json(b));
    }

    [Fact]
    public void Best_practice_wins_most_sessions_and_poor_answers_lose_them_all()
    {
        foreach (var s in Catalogue.Scenarios)
        {
            var best = Enumerable.Range(0, 40).Select(i => Play(s, Start(s, TrainingDifficulty.Normal, (ulong)i), Best)).ToList();
            var poor = Enumerable.Range(0, 40).Select(i => Play(s, Start(s, TrainingDifficulty.Normal, (ulong)i), Worst)).ToList();
            Assert.True(best.Count(x => x.Outcome == TrainingOutcome.Won) >= 26, $"{s.Id}: best practice won only {best.Count(x => x.Outcome == TrainingOutcome.Won)} of 40");
            Assert.All(poor, x => Assert.Equal(TrainingOutcome.Lost, x.Outcome));
            Assert.All(best.Where(x => x.Outcome == TrainingOutcome.Won), x => Assert.True(x.OrderValue > 0 && x.OrderValue <= s.ListPrice));
            Assert.All(poor, x => Assert.NotNull(x.LostAt));
        }
    }

    [Fact]
    public void A_poor_opening_loses_at_the_opening_with_its_reason_and_a_lesson()
    {
        var s = Scenario("tutoring-parent");
        var state = TrainingEngine.Choose(s, Start(s, TrainingDifficulty.Normal, s.Seed), "tp-open-poor");
        // The poor opening either ends the call at once or leaves the customer cooler than before.
        var first = state.Turns[0];
        Assert.Equal(ConversationStep.Opening, first.Step);
        Assert.True(first.After.Trust < first.Before.Trust);
        Assert.Equal("tp-open-best", first.Best.Id);
        Assert.Equal((int)Math.Round(100 * 0.1 / 0.95), first.Score);
        var end = Play(s, state, Worst);
        Assert.Equal(TrainingOutcome.Lost, end.Outcome);
        var review = TrainingScoring.Review(end);
        Assert.Contains("tp-open-best", review.Replay.Select(t => t.Best.Id));
        Assert.NotNull(review.Lesson);
        Assert.Contains("the better answer was", review.Lesson);
        Assert.True(review.Score < 20, $"score {review.Score}");
    }

    [Fact]
    public void Every_objection_step_offers_objection_specific_answers_and_a_decoy_for_another_objection()
    {
        var s = Scenario("crm-small-business");
        var state = Start(s, TrainingDifficulty.Hard, s.Seed);
        while (state.Step != ConversationStep.ObjectionHandling && state.Outcome == TrainingOutcome.InProgress) state = TrainingEngine.Choose(s, state, Best(state).Id);
        Assert.Equal(ConversationStep.ObjectionHandling, state.Step);
        var objection = state.CurrentObjection!.Value;
        var own = s.ObjectionContent(objection).Responses.Select(r => r.Id).ToHashSet();
        var responses = state.Options.Where(o => o.Kind == TrainingOptionKind.Response).ToList();
        Assert.Equal(own.Count + 1, responses.Count);
        var decoy = Assert.Single(responses, o => !own.Contains(o.Id));
        Assert.Equal(0.15, decoy.Quality);
        Assert.Contains(state.Options, o => o.Kind == TrainingOptionKind.OfferTrial);
        Assert.Contains(state.Options, o => o.Kind == TrainingOptionKind.FollowUpNextWeek);
    }

    [Fact]
    public void Slow_follow_up_cools_the_lead_more_than_a_prompt_one()
    {
        var s = Scenario("home-solar");
        var state = Start(s, TrainingDifficulty.Normal, s.Seed);
        while (state.Step < ConversationStep.Topic) state = TrainingEngine.Choose(s, state, Best(state).Id);
        var tomorrow = TrainingEngine.Choose(s, state, "follow-up-tomorrow");
        var nextWeek = TrainingEngine.Choose(s, state, "follow-up-next-week");
        Assert.True(nextWeek.Interest < tomorrow.Interest);
        Assert.True(tomorrow.Interest < state.Interest);
        Assert.Equal(state.Day + 7, nextWeek.Day, 6);
        // Postponing while the customer is engaged is not best practice: it scores low.
        Assert.True(nextWeek.Turns[^1].Score < 20);
    }

    [Fact]
    public void Following_up_again_and_again_stalls_the_deal()
    {
        var s = Scenario("tutoring-parent");
        var state = Start(s, TrainingDifficulty.Normal, s.Seed);
        while (state.Step < ConversationStep.Topic) state = TrainingEngine.Choose(s, state, Best(state).Id);
        var end = Play(s, state, _ => new TrainingOption("follow-up-next-week", "", TrainingOptionKind.FollowUpNextWeek, 0, ""));
        Assert.Equal(TrainingOutcome.Stalled, end.Outcome);
        Assert.Contains("went cold", end.Reason);
    }

    [Fact]
    public void A_discount_lowers_the_order_value_and_an_early_one_scores_low()
    {
        var s = Scenario("crm-small-business");
        var state = Start(s, TrainingDifficulty.Normal, s.Seed);
        while (state.Step < ConversationStep.Topic) state = TrainingEngine.Choose(s, state, Best(state).Id);
        var discounted = TrainingEngine.Choose(s, state, "offer-discount");
        Assert.Equal(Math.Round(s.ListPrice * (1 - s.MaxDiscount), 0), discounted.Price);
        Assert.True(discounted.Turns[^1].Score < 20);
        Assert.DoesNotContain(discounted.Options, o => o.Kind == TrainingOptionKind.OfferDiscount);
    }

    [Fact]
    public void Choosing_an_option_not_on_offer_is_refused()
    {
        var s = Scenario("tutoring-parent");
        Assert.Throws<ArgumentException>(() => TrainingEngine.Choose(s, Start(s, TrainingDifficulty.Easy, 1), "tp-close-best"));
    }

    [Fact]
    public void Scores_skills_and_the_leaderboard_follow_the_choices()
    {
        var s = Scenario("home-solar");
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var results = new List<TrainingResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(TrainingScoring.Result(Play(s, Start(s, TrainingDifficulty.Normal, (ulong)i), Best), $"ace-{i}", "ace", "spring", at.AddHours(i)));
            results.Add(TrainingScoring.Result(Play(s, Start(s, TrainingDifficulty.Normal, (ulong)i), Worst), $"rookie-{i}", "rookie", "spring", at.AddHours(i)));
        }
        Assert.All(results.Where(r => r.Trainee == "ace"), r => Assert.Equal(100, r.Score));
        var board = TrainingScoring.Leaderboard(results);
        Assert.Equal(["ace", "rookie"], board.Select(r => r.Trainee));
        Assert.Equal(0, board[1].Won);
        Assert.Equal(3, board[1].Lost);
        Assert.True(board[0].Skills[(int)ConversationStep.Opening] >= 0.9);
        Assert.True(board[1].Skills[(int)ConversationStep.Opening] <= 0.2);
        // The rookie never reached the close: that step is untested, and counts as weak in a simulation.
        Assert.Null(board[1].Skills[(int)ConversationStep.Close]);
        Assert.Equal(TrainingScoring.UntestedSkill, TrainingScoring.RepSkills(board[1].Skills)[(int)ConversationStep.Close]);
        Assert.Equal(ConversationStep.Opening, board[1].Weakest);
    }
}
