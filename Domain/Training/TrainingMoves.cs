using Growth.Domain.Journeys;
using Growth.Domain.Simulation;

namespace Growth.Domain.Training;

/// <summary>
/// What one choice did: the customer's new state and reaction, whether the step went well (and its chance, for an
/// answer that tested it), and the outcome if the session ended.
/// </summary>
internal sealed record TrainingMove(
    TrainingState State, string Reaction, double? PassChance = null, bool Passed = true,
    TrainingOutcome Outcome = TrainingOutcome.InProgress, string? Reason = null);

/// <summary>How the customer takes the actions any rep can take: following up, offering a trial, offering a discount. Pure.</summary>
internal static class TrainingMoves
{
    const double HoursPerDay = 24;

    /// <summary>Waiting cools the lead as a late first contact does, softened by the customer's patience.</summary>
    public static TrainingMove FollowUp(TrainingState s, TrainingOption option, BehaviourParameters p)
    {
        var t = TrainingTuning.Default;
        var tomorrow = option.Kind == TrainingOptionKind.FollowUpTomorrow;
        var hours = tomorrow ? t.TomorrowHours : t.NextWeekHours;
        var cooling = Math.Pow(Behaviour.ContactDecay(p, hours), t.CoolingExponent / t.Traits(s.Persona.Temperament).Patience);
        s = s with
        {
            Interest = Math.Clamp(s.Interest * cooling + (s.Thinking && hours <= t.ThoughtOverHours ? t.ThoughtOverInterest : 0), 0, 1),
            Trust = Math.Clamp(s.Trust + (hours <= t.PromptHours ? t.PromptTrust : -t.LateTrust), 0, 1),
            Day = s.Day + hours / HoursPerDay, FollowUps = s.FollowUps + 1,
        };
        var text = s.Text;
        var reaction = text.Format(tomorrow ? text.NextDay : text.WeekLater, s.Persona.Contact);
        if (s.FollowUps > t.MaxFollowUps || s.Interest < t.ColdInterest)
            return new(s, text.Format(text.StopsAnswering, s.Persona.Contact), Passed: false, Outcome: TrainingOutcome.Stalled,
                Reason: (s.Price > s.Persona.Budget * s.Stretch ? text.PriceAboveBudgetAnd : "") + text.Format(text.WentCold, s.Day));
        if (s.Thinking)
        {
            // Back to the close with the time the customer asked for.
            s = s with { Thinking = false };
            reaction += text.ThoughtOver;
        }
        return new(s, reaction);
    }

    public static TrainingMove OfferTrial(TrainingScenario scenario, TrainingState s, TrainingOption option)
    {
        var t = TrainingTuning.Default;
        s = s with
        {
            TrialOffered = true,
            Interest = Math.Clamp(s.Interest + t.TrialInterest * t.Traits(s.Persona.Temperament).InterestGain, 0, 1),
            Day = s.Day + t.TrialDays,
        };
        return Settle(s, s.Text.Format(s.Text.TriesTrial, s.Persona.Contact, scenario.Trial), option.Quality >= t.GoodQuality);
    }

    public static TrainingMove OfferDiscount(TrainingScenario scenario, TrainingState s, TrainingOption option)
    {
        var t = TrainingTuning.Default;
        s = s with
        {
            DiscountOffered = true, Price = Math.Round(s.Price * (1 - scenario.MaxDiscount), 0),
            Interest = Math.Clamp(s.Interest + t.DiscountInterest, 0, 1),
            Trust = Math.Clamp(s.Trust + (option.Quality < t.PoorQuality ? -t.PoorDiscountTrust : 0), 0, 1),
        };
        return Settle(s, s.Text.Format(s.Text.NotesLowerPrice, s.Persona.Contact), option.Quality >= t.DiscountSettles);
    }

    /// <summary>An offer answers the objection being handled (settled or not) and gives a customer who asked for time what they needed.</summary>
    static TrainingMove Settle(TrainingState s, string reaction, bool settles)
    {
        var passed = true;
        if (s.Step == ConversationStep.ObjectionHandling) (s, passed) = Resolve(s, settles);
        if (s.Thinking) s = s with { Thinking = false };
        return new(s, reaction, Passed: passed);
    }

    /// <summary>Moves past the current objection; an unresolved one weighs on the close.</summary>
    public static (TrainingState, bool) Resolve(TrainingState s, bool resolved)
    {
        s = s with { ObjectionIndex = s.ObjectionIndex + 1, UnresolvedObjections = s.UnresolvedObjections + (resolved ? 0 : 1) };
        if (s.ObjectionIndex >= s.Persona.HiddenObjections.Count) s = s with { Step = ConversationStep.Close };
        return (s, resolved);
    }
}
