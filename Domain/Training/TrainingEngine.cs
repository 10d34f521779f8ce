using Growth.Domain.Randomness;
using Growth.Domain.Simulation;
using Growth.Domain.Training.Reading;

namespace Growth.Domain.Training;

/// <summary>
/// The conversation engine's step flow. The customer's hidden trust and interest move with the quality of each choice
/// (scaled by temperament); whether a step goes well is drawn from the behaviour model's
/// <see cref="Behaviour.StepPassProbability"/> with the chosen answer's quality as the rep's skill; waiting cools
/// the lead through <see cref="Behaviour.ContactDecay"/>. Same scenario, seed and choices, same session. How the
/// customer takes each choice is in <see cref="TrainingAnswers"/> and <see cref="TrainingMoves"/>, what is said and
/// offered next in <see cref="TrainingPrompts"/>, and every tuning number in <see cref="TrainingTuning"/>.
/// </summary>
public static class TrainingEngine
{
    public static TrainingState Start(TrainingScenario scenario, TrainingDifficulty difficulty, ulong seed, TrainingPersona persona)
    {
        var t = TrainingTuning.Default;
        var rng = new Prng(Prng.Derive(seed, $"training-session:{scenario.Id}:{difficulty}"));
        var trust = t.StartTrust.For(difficulty) + t.Traits(persona.Temperament).StartTrust;
        var interest = t.StartInterest + rng.Uniform(-t.StartInterestJitter, t.StartInterestJitter);
        var state = new TrainingState
        {
            ScenarioId = scenario.Id, Difficulty = difficulty, Seed = seed, Persona = persona,
            Step = Journeys.ConversationStep.Opening, Trust = trust, Interest = interest, Price = scenario.ListPrice, Rng = rng.State,
            Language = scenario.Language,
        };
        return TrainingPrompts.Present(scenario, state);
    }

    /// <summary>Applies the trainee's choice. Throws <see cref="ArgumentException"/> for an option not on offer.</summary>
    public static TrainingState Choose(TrainingScenario scenario, TrainingState state, string optionId, BehaviourParameters? parameters = null)
    {
        if (state.Outcome != TrainingOutcome.InProgress) throw new ArgumentException("the session is over");
        var option = state.Options.FirstOrDefault(o => o.Id == optionId)
            ?? throw new ArgumentException($"'{optionId}' is not one of the choices on offer");
        return Apply(scenario, state, option, null, parameters);
    }

    /// <summary>
    /// Applies a line the trainee typed: <paramref name="reader"/> (the shipped one by default) reads it, and the
    /// customer takes it as the scripted answer it stands for (<see cref="TrainingFreeText.Option"/>); the turn keeps
    /// the reading for the review. Throws <see cref="ArgumentException"/> for an empty or too long line, or a session that is over.
    /// </summary>
    public static TrainingState Say(TrainingScenario scenario, TrainingState state, string? line, LineReader? reader = null, BehaviourParameters? parameters = null)
    {
        if (state.Outcome != TrainingOutcome.InProgress) throw new ArgumentException("the session is over");
        var reading = (reader ?? LineReader.Shipped).Read(line);
        return Apply(scenario, state, TrainingFreeText.Option(state, reading), reading, parameters);
    }

    static TrainingState Apply(TrainingScenario scenario, TrainingState state, TrainingOption option, LineReading? reading, BehaviourParameters? parameters)
    {
        var p = parameters ?? BehaviourParameters.Default;
        var rng = new Prng(state.Rng);
        var move = option.Kind switch
        {
            TrainingOptionKind.FollowUpTomorrow or TrainingOptionKind.FollowUpNextWeek => TrainingMoves.FollowUp(state, option, p),
            TrainingOptionKind.OfferTrial => TrainingMoves.OfferTrial(scenario, state, option),
            TrainingOptionKind.OfferDiscount => TrainingMoves.OfferDiscount(scenario, state, option),
            _ => TrainingAnswers.Answer(state, option, rng, p),
        };

        var s = move.State with { Rng = rng.State, Turns = [.. state.Turns, Turn(state, move, option) with { Reading = reading }] };
        if (move.Outcome == TrainingOutcome.InProgress) return TrainingPrompts.Present(scenario, s);
        return s with
        {
            Outcome = move.Outcome,
            OrderValue = move.Outcome == TrainingOutcome.Won ? s.Price : 0,
            LostAt = move.Outcome == TrainingOutcome.Won ? null : s.Step,
            Reason = move.Reason,
            Options = [],
        };
    }

    /// <summary>The turn as the review replays it: what was on offer and said before, the customer's mood after.</summary>
    static TrainingTurn Turn(TrainingState before, TrainingMove move, TrainingOption chosen)
    {
        var best = before.Options.MaxBy(o => o.Quality)!;
        return new()
        {
            Index = before.Turns.Count + 1,
            Step = before.Step,
            Objection = before.CurrentObjection,
            Customer = before.Customer,
            Chosen = chosen,
            Best = best,
            Before = before.Mood,
            After = move.State.Mood,
            PassChance = move.PassChance,
            Passed = move.Passed,
            Score = TrainingScoring.TurnScore(chosen, best),
            Reaction = move.Reaction,
            Day = Math.Round(move.State.Day, 2),
        };
    }
}
