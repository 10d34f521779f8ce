using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Training;

/// <summary>How the customer takes a scripted answer, and whether they sign at the close. Pure.</summary>
internal static class TrainingAnswers
{
    /// <summary>
    /// Trust and interest move with the answer's quality against neutral, scaled by the step's weights and the
    /// temperament; whether the step went well is drawn from the behaviour model with the quality as the rep's skill.
    /// </summary>
    public static TrainingMove Answer(TrainingState s, TrainingOption option, Prng rng, BehaviourParameters p)
    {
        var t = TrainingTuning.Default;
        var traits = t.Traits(s.Persona.Temperament);
        var q = option.Quality;
        var fit = Behaviour.PriceFit(s.Price, s.Persona.Budget);
        var pass = 1 - (1 - Behaviour.StepPassProbability(p, s.Step, q, s.Intent, fit)) * t.FailureFactor.For(s.Difficulty);
        var passChance = Math.Round(Math.Clamp(pass, 0, 1), 3);
        var passed = rng.Chance(pass);
        var weights = t.Weights(s.Step);
        var delta = 2 * (q - t.NeutralQuality); // -1..1 around a neutral answer
        var trustDelta = weights.Trust * delta * (delta >= 0 ? traits.TrustGain : traits.Loss);
        var interestDelta = weights.Interest * delta * (delta >= 0 ? traits.InterestGain : traits.Loss);
        if (!passed)
        {
            trustDelta -= t.FailedStepTrust * traits.Loss;
            interestDelta -= t.FailedStepInterest * traits.Loss;
        }
        s = s with { Trust = Math.Clamp(s.Trust + trustDelta, 0, 1), Interest = Math.Clamp(s.Interest + interestDelta, 0, 1), Day = s.Day + t.AnswerDays };
        var reaction = Reaction(s, passed, q);
        // A poor answer that also went badly ends the conversation; a good one that went badly is a setback.
        if (!passed && q < t.PoorQuality || s.Trust < t.WalkAway || s.Interest < t.WalkAway)
            return new(s, s.Text.Format(s.Text.EndsConversation, s.Persona.Contact), passChance, passed, TrainingOutcome.Lost, LossReason(s));
        if (s.Step == ConversationStep.ObjectionHandling)
        {
            if (passed && q >= t.GoodQuality && s.CurrentObjection == ObjectionType.BudgetEnvironment) s = s with { Stretch = t.ValueStretch };
            (s, _) = TrainingMoves.Resolve(s, passed);
            return new(s, reaction, passChance, passed);
        }
        if (s.Step == ConversationStep.Close) return Close(s, reaction, passChance, passed);
        return new(s with { Step = s.Step + 1 }, reaction, passChance, passed);
    }

    /// <summary>
    /// The close: the customer signs when the step went well, the price fits the (stretched) budget and intent clears
    /// the difficulty's bar; otherwise asks once for time, then stalls or declines.
    /// </summary>
    static TrainingMove Close(TrainingState s, string reaction, double passChance, bool passed)
    {
        var t = TrainingTuning.Default;
        var affordable = s.Price <= s.Persona.Budget * s.Stretch;
        var text = s.Text;
        var who = s.Persona.Contact;
        if (passed && affordable && s.Intent >= t.BuyThreshold.For(s.Difficulty))
            return new(s, text.Format(text.Signs, who), passChance, passed, TrainingOutcome.Won);
        if (!s.Thinking && s.Intent >= t.ThinkingIntent)
        {
            reaction = text.Format(affordable ? text.LetMeThink : text.LetMeThinkOverBudget, who);
            return new(s with { Thinking = true }, reaction, passChance, passed);
        }
        var reason = affordable ? StepFailure(s, ConversationStep.Close) : text.PriceAboveBudget;
        return s.Thinking && s.Intent >= t.ThinkingIntent
            ? new(s, text.Format(text.StillUndecided, who), passChance, passed, TrainingOutcome.Stalled, text.Format(text.NoDecision, reason))
            : new(s, text.Format(text.Declines, who), passChance, passed, TrainingOutcome.Lost, reason);
    }

    // English names the objection type as the model does; Chinese in words.
    static string LossReason(TrainingState s) => s.CurrentObjection is { } o
        ? s.Text.Format(s.Text.ObjectionNotHandled, s.Language == TrainingLanguages.Chinese ? s.Text.Label(o) : o.ToString())
        : StepFailure(s, s.Step);

    /// <summary>The behaviour model's reason a step failed; in Chinese in the words the pages use for it.</summary>
    static string StepFailure(TrainingState s, ConversationStep step) =>
        s.Language != TrainingLanguages.Chinese ? Behaviour.StepFailureReason(step) : TrainingText.ChineseStepFailure(step);

    static string Reaction(TrainingState s, bool passed, double quality)
    {
        var t = TrainingTuning.Default;
        var text = s.Text;
        return text.Format(!passed ? text.Cools
            : quality >= t.WarmQuality ? text.WarmsUp
            : quality >= t.AlongQuality ? text.GoesAlong
            : text.Frowns, s.Persona.Contact);
    }
}
