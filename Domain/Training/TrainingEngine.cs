using Growth.Domain.Journeys;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Training;

/// <summary>Where a training session stands.</summary>
public enum TrainingOutcome { InProgress, Won, Lost, Stalled }

/// <summary>A scripted response or one of the actions any rep can take.</summary>
public enum TrainingOptionKind { Response, FollowUpTomorrow, FollowUpNextWeek, OfferTrial, OfferDiscount }

/// <summary>One choice offered to the trainee. Quality and why stay hidden until the review.</summary>
public sealed record TrainingOption(string Id, string Text, TrainingOptionKind Kind, double Quality, string Why);

/// <summary>The customer's hidden state at one moment.</summary>
public sealed record TrainingMood(double Trust, double Interest, double Intent);

/// <summary>One turn of a session, with everything the review reveals.</summary>
public sealed record TrainingTurn
{
    public required int Index { get; init; }
    public required ConversationStep Step { get; init; }
    /// <summary>The objection being handled, at the objection-handling step.</summary>
    public ObjectionType? Objection { get; init; }
    public required string Customer { get; init; }
    public required TrainingOption Chosen { get; init; }
    /// <summary>The best option that was on offer.</summary>
    public required TrainingOption Best { get; init; }
    public required TrainingMood Before { get; init; }
    public required TrainingMood After { get; init; }
    /// <summary>Chance the step went well, from the behaviour model (null for actions that do not test the step).</summary>
    public double? PassChance { get; init; }
    public bool Passed { get; init; }
    /// <summary>0..100: the chosen option's quality against the best on offer.</summary>
    public required int Score { get; init; }
    /// <summary>What the customer did, as the trainee saw it.</summary>
    public required string Reaction { get; init; }
    /// <summary>Simulated days since the first call when the turn ended.</summary>
    public double Day { get; init; }
}

/// <summary>The whole state of a session: pure data, replayable from the scenario, seed and choices.</summary>
public sealed record TrainingState
{
    public required string ScenarioId { get; init; }
    public required TrainingDifficulty Difficulty { get; init; }
    public required ulong Seed { get; init; }
    public required TrainingPersona Persona { get; init; }
    public ConversationStep Step { get; init; }
    /// <summary>Index into the persona's hidden objections at the objection-handling step.</summary>
    public int ObjectionIndex { get; init; }
    public int UnresolvedObjections { get; init; }
    /// <summary>How far over the budget the customer will go (raised when a budget objection is answered with value).</summary>
    public decimal Stretch { get; init; } = TrainingEngine.BudgetStretch;
    public double Trust { get; init; }
    public double Interest { get; init; }
    public double Intent => Math.Clamp(0.5 * Trust + 0.5 * Interest - 0.08 * UnresolvedObjections, 0, 1);
    public decimal Price { get; init; }
    public bool TrialOffered { get; init; }
    public bool DiscountOffered { get; init; }
    /// <summary>The customer asked for time at the close ("let me think about it").</summary>
    public bool Thinking { get; init; }
    public int FollowUps { get; init; }
    public double Day { get; init; }
    /// <summary>The session's random stream (SplitMix64 state).</summary>
    public ulong Rng { get; init; }
    public TrainingOutcome Outcome { get; init; }
    public decimal OrderValue { get; init; }
    public ConversationStep? LostAt { get; init; }
    public string? Reason { get; init; }
    /// <summary>What the customer just said.</summary>
    public string Customer { get; init; } = "";
    /// <summary>The choices on offer now (empty once the session is over).</summary>
    public IReadOnlyList<TrainingOption> Options { get; init; } = [];
    public IReadOnlyList<TrainingTurn> Turns { get; init; } = [];

    public TrainingMood Mood => new(Math.Round(Trust, 3), Math.Round(Interest, 3), Math.Round(Intent, 3));
    public ObjectionType? CurrentObjection =>
        Step == ConversationStep.ObjectionHandling && ObjectionIndex < Persona.HiddenObjections.Count ? Persona.HiddenObjections[ObjectionIndex] : null;
}

/// <summary>
/// The conversation engine. The customer's hidden trust and interest move with the quality of each choice
/// (scaled by temperament); whether a step goes well is drawn from the behaviour model's
/// <see cref="Behaviour.StepPassProbability"/> with the chosen answer's quality as the rep's skill; waiting cools
/// the lead through <see cref="Behaviour.ContactDecay"/>. Same scenario, seed and choices, same session.
/// </summary>
public static class TrainingEngine
{
    /// <summary>Trust or interest below this and the customer ends the conversation.</summary>
    public const double WalkAway = 0.12;
    /// <summary>Follow-ups allowed before the deal is declared stalled.</summary>
    public const int MaxFollowUps = 3;

    /// <summary>How much each step moves trust and interest (opening and rapport build trust; topic and trial close build interest).</summary>
    static (double Trust, double Interest) Weights(ConversationStep step) => step switch
    {
        ConversationStep.Opening => (0.15, 0.05),
        ConversationStep.Rapport => (0.15, 0.03),
        ConversationStep.Topic => (0.05, 0.15),
        ConversationStep.TrialClose => (0.03, 0.12),
        ConversationStep.ObjectionHandling => (0.10, 0.10),
        _ => (0.05, 0.05),
    };

    /// <summary>Temperament: multipliers on trust gains and interest gains, on losses, and patience with waiting.</summary>
    static (double TrustGain, double InterestGain, double Loss, double Patience) Traits(Temperament t) => t switch
    {
        Temperament.Friendly => (1.3, 1.0, 0.8, 1.5),
        Temperament.Analytical => (0.8, 1.3, 1.0, 1.2),
        Temperament.Skeptical => (0.7, 1.0, 1.3, 1.0),
        _ => (1.0, 1.0, 1.2, 0.5),
    };

    /// <summary>Multiplier on the behaviour model's step failure: harder customers forgive less.</summary>
    static double FailureFactor(TrainingDifficulty d) => d switch { TrainingDifficulty.Easy => 0.6, TrainingDifficulty.Hard => 1.4, _ => 1.0 };

    /// <summary>Intent needed to sign at the close.</summary>
    public static double BuyThreshold(TrainingDifficulty d) => d switch { TrainingDifficulty.Easy => 0.45, TrainingDifficulty.Hard => 0.58, _ => 0.52 };

    /// <summary>How far over budget a customer will stretch for something they want.</summary>
    public const decimal BudgetStretch = 1.15m;
    /// <summary>How far once a budget objection was answered with value (instalments, payback): value moves budgets.</summary>
    public const decimal ValueStretch = 1.3m;

    public static TrainingState Start(TrainingScenario scenario, TrainingDifficulty difficulty, ulong seed, TrainingPersona persona)
    {
        var rng = new Prng(Prng.Derive(seed, $"training-session:{scenario.Id}:{difficulty}"));
        var trust = difficulty switch { TrainingDifficulty.Easy => 0.45, TrainingDifficulty.Hard => 0.28, _ => 0.36 }
            + persona.Temperament switch { Temperament.Friendly => 0.08, Temperament.Skeptical => -0.08, _ => 0 };
        var interest = 0.38 + rng.Uniform(-0.04, 0.04);
        var state = new TrainingState
        {
            ScenarioId = scenario.Id, Difficulty = difficulty, Seed = seed, Persona = persona,
            Step = ConversationStep.Opening, Trust = trust, Interest = interest, Price = scenario.ListPrice, Rng = rng.State,
        };
        return Present(scenario, state);
    }

    /// <summary>Applies the trainee's choice. Throws <see cref="ArgumentException"/> for an option not on offer.</summary>
    public static TrainingState Choose(TrainingScenario scenario, TrainingState state, string optionId, BehaviourParameters? parameters = null)
    {
        if (state.Outcome != TrainingOutcome.InProgress) throw new ArgumentException("the session is over");
        var option = state.Options.FirstOrDefault(o => o.Id == optionId)
            ?? throw new ArgumentException($"'{optionId}' is not one of the choices on offer");
        var p = parameters ?? BehaviourParameters.Default;
        var rng = new Prng(state.Rng);
        var traits = Traits(state.Persona.Temperament);
        var before = state.Mood;
        var best = state.Options.MaxBy(o => o.Quality)!;
        var s = state;
        double? passChance = null;
        var passed = true;
        string reaction;

        switch (option.Kind)
        {
            case TrainingOptionKind.FollowUpTomorrow or TrainingOptionKind.FollowUpNextWeek:
            {
                var hours = option.Kind == TrainingOptionKind.FollowUpTomorrow ? 24.0 : 168.0;
                // Waiting cools the lead as a late first contact does, softened by the customer's patience.
                var cooling = Math.Pow(Behaviour.ContactDecay(p, hours), 0.35 / traits.Patience);
                s = s with
                {
                    Interest = Math.Clamp(s.Interest * cooling + (s.Thinking && hours <= 24 ? 0.08 : 0), 0, 1),
                    Trust = Math.Clamp(s.Trust + (hours <= 48 ? 0.04 : -0.03), 0, 1),
                    Day = s.Day + hours / 24, FollowUps = s.FollowUps + 1,
                };
                reaction = hours <= 24
                    ? $"{s.Persona.Contact} takes your call the next day."
                    : $"A week later {s.Persona.Contact} has to be reminded who you are.";
                if (s.FollowUps > MaxFollowUps || s.Interest < 0.2)
                    return Finish(s, option, best, before, null, false, rng, TrainingOutcome.Stalled,
                        (s.Price > s.Persona.Budget * s.Stretch ? "price above budget; " : "") + $"went cold after {s.Day:0} days of follow-ups",
                        $"{s.Persona.Contact} stops answering.");
                if (s.Thinking)
                {
                    // Back to the close with the time the customer asked for.
                    s = s with { Thinking = false };
                    reaction += " They have thought it over.";
                }
                break;
            }
            case TrainingOptionKind.OfferTrial:
                s = s with { TrialOffered = true, Interest = Math.Clamp(s.Interest + 0.12 * traits.InterestGain, 0, 1), Day = s.Day + 7 };
                reaction = $"{s.Persona.Contact} tries {scenario.Trial} and comes back a week later.";
                if (s.Step == ConversationStep.ObjectionHandling)
                    (s, passed) = Resolve(s, option.Quality >= 0.7);
                if (s.Thinking) s = s with { Thinking = false };
                break;
            case TrainingOptionKind.OfferDiscount:
                s = s with
                {
                    DiscountOffered = true, Price = Math.Round(s.Price * (1 - scenario.MaxDiscount), 0),
                    Interest = Math.Clamp(s.Interest + 0.04, 0, 1), Trust = Math.Clamp(s.Trust + (option.Quality < 0.4 ? -0.04 : 0), 0, 1),
                };
                reaction = $"{s.Persona.Contact} notes the lower price.";
                if (s.Step == ConversationStep.ObjectionHandling)
                    (s, passed) = Resolve(s, option.Quality >= 0.5);
                if (s.Thinking) s = s with { Thinking = false };
                break;
            default:
            {
                var q = option.Quality;
                var fit = Behaviour.PriceFit(s.Price, s.Persona.Budget);
                var pass = 1 - (1 - Behaviour.StepPassProbability(p, s.Step, q, s.Intent, fit)) * FailureFactor(s.Difficulty);
                passChance = Math.Round(Math.Clamp(pass, 0, 1), 3);
                passed = rng.Chance(pass);
                var (wt, wi) = Weights(s.Step);
                var delta = 2 * (q - 0.5);
                var trustDelta = wt * delta * (delta >= 0 ? traits.TrustGain : traits.Loss);
                var interestDelta = wi * delta * (delta >= 0 ? traits.InterestGain : traits.Loss);
                if (!passed)
                {
                    trustDelta -= 0.08 * traits.Loss;
                    interestDelta -= 0.06 * traits.Loss;
                }
                s = s with { Trust = Math.Clamp(s.Trust + trustDelta, 0, 1), Interest = Math.Clamp(s.Interest + interestDelta, 0, 1), Day = s.Day + 0.02 };
                reaction = Reaction(s, passed, q);
                // A poor answer that also went badly ends the conversation; a good one that went badly is a setback.
                if (!passed && q < 0.4 || s.Trust < WalkAway || s.Interest < WalkAway)
                    return Finish(s, option, best, before, passChance, passed, rng, TrainingOutcome.Lost, LossReason(s), $"{s.Persona.Contact} ends the conversation.");
                if (s.Step == ConversationStep.ObjectionHandling)
                {
                    if (passed && q >= 0.7 && s.CurrentObjection == ObjectionType.BudgetEnvironment) s = s with { Stretch = ValueStretch };
                    (s, _) = Resolve(s, passed);
                }
                else if (s.Step == ConversationStep.Close)
                {
                    var affordable = s.Price <= s.Persona.Budget * s.Stretch;
                    if (passed && affordable && s.Intent >= BuyThreshold(s.Difficulty))
                        return Finish(s, option, best, before, passChance, passed, rng, TrainingOutcome.Won, null, $"{s.Persona.Contact} signs.");
                    if (!s.Thinking && s.Intent >= 0.35)
                    {
                        s = s with { Thinking = true };
                        reaction = affordable ? $"{s.Persona.Contact}: \"Let me think about it.\"" : $"{s.Persona.Contact}: \"It is more than I planned to spend. Let me think about it.\"";
                        break;
                    }
                    var reason = affordable ? Behaviour.StepFailureReason(ConversationStep.Close) : "price above budget";
                    return s.Thinking && s.Intent >= 0.35
                        ? Finish(s, option, best, before, passChance, passed, rng, TrainingOutcome.Stalled, $"no decision: {reason}", $"{s.Persona.Contact} still has not decided.")
                        : Finish(s, option, best, before, passChance, passed, rng, TrainingOutcome.Lost, reason, $"{s.Persona.Contact} declines.");
                }
                else
                {
                    s = s with { Step = s.Step + 1 };
                }
                break;
            }
        }

        var turn = Turn(s, state, option, best, before, passChance, passed, reaction);
        return Present(scenario, s with { Rng = rng.State, Turns = [.. state.Turns, turn] });
    }

    /// <summary>Moves past the current objection; an unresolved one weighs on the close.</summary>
    static (TrainingState, bool) Resolve(TrainingState s, bool resolved)
    {
        s = s with { ObjectionIndex = s.ObjectionIndex + 1, UnresolvedObjections = s.UnresolvedObjections + (resolved ? 0 : 1) };
        if (s.ObjectionIndex >= s.Persona.HiddenObjections.Count) s = s with { Step = ConversationStep.Close };
        return (s, resolved);
    }

    static string LossReason(TrainingState s) => s.CurrentObjection is { } o
        ? $"objection not handled: {o}"
        : Behaviour.StepFailureReason(s.Step);

    static string Reaction(TrainingState s, bool passed, double quality) =>
        !passed ? $"{s.Persona.Contact} cools noticeably."
        : quality >= 0.75 ? $"{s.Persona.Contact} warms up."
        : quality >= 0.45 ? $"{s.Persona.Contact} goes along, without enthusiasm."
        : $"{s.Persona.Contact} frowns but lets it pass.";

    static TrainingTurn Turn(TrainingState after, TrainingState before, TrainingOption chosen, TrainingOption best, TrainingMood moodBefore,
        double? passChance, bool passed, string reaction) => new()
    {
        Index = before.Turns.Count + 1,
        Step = before.Step,
        Objection = before.CurrentObjection,
        Customer = before.Customer,
        Chosen = chosen,
        Best = best,
        Before = moodBefore,
        After = after.Mood,
        PassChance = passChance,
        Passed = passed,
        Score = TrainingScoring.TurnScore(chosen, best),
        Reaction = reaction,
        Day = Math.Round(after.Day, 2),
    };

    static TrainingState Finish(TrainingState s, TrainingOption chosen, TrainingOption best, TrainingMood before,
        double? passChance, bool passed, Prng rng, TrainingOutcome outcome, string? reason, string reaction)
    {
        var turn = Turn(s, s, chosen, best, before, passChance, passed, reaction);
        return s with
        {
            Rng = rng.State,
            Outcome = outcome,
            OrderValue = outcome == TrainingOutcome.Won ? s.Price : 0,
            LostAt = outcome == TrainingOutcome.Won ? null : s.Step,
            Reason = reason,
            Options = [],
            Turns = [.. s.Turns, turn],
        };
    }

    /// <summary>Sets what the customer says now and the choices on offer, in an order drawn from the session's stream.</summary>
    static TrainingState Present(TrainingScenario scenario, TrainingState s)
    {
        var rng = new Prng(s.Rng);
        var options = new List<TrainingOption>();
        string customer;
        if (s.Step == ConversationStep.ObjectionHandling && s.CurrentObjection is { } objection)
        {
            var content = scenario.ObjectionContent(objection);
            customer = content.Customer;
            options.AddRange(content.Responses.Select(r => Response(s, r)));
            // One answer to a different objection, so the trainee must recognise which objection was raised.
            var others = scenario.ObjectionHandling.Where(o => o.Type != objection).ToList();
            if (others.Count > 0)
            {
                var other = others[rng.Next(others.Count)];
                var decoy = other.Responses.MaxBy(r => r.Quality)!;
                options.Add(new TrainingOption(decoy.Id, Fill(decoy.Text, scenario, s), TrainingOptionKind.Response, 0.15,
                    $"A good answer to a {Label(other.Type)} objection, but the customer raised {Label(objection)}."));
            }
        }
        else
        {
            var content = scenario.StepContent(s.Step);
            customer = s.Thinking ? "I need to think about it." : content.Customer;
            // Asking again when the customer asked for time is pressure: best practice is to give them what they
            // need to decide (time, a first experience, or a price that fits).
            options.AddRange(content.Responses.Select(r => s.Thinking
                ? Response(s, r) with { Quality = Math.Round(r.Quality * 0.5, 3), Why = "They asked for time; pressing for the decision again rarely works. " + r.Why }
                : Response(s, r)));
        }
        options.AddRange(Actions(scenario, s));

        // Shuffle the responses only; actions stay last where a rep looks for them.
        var responses = options.Where(o => o.Kind == TrainingOptionKind.Response).ToList();
        for (var i = responses.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (responses[i], responses[j]) = (responses[j], responses[i]);
        }
        return s with
        {
            Customer = Fill(customer, scenario, s),
            Options = [.. responses, .. options.Where(o => o.Kind != TrainingOptionKind.Response)],
            Rng = rng.State,
        };

        TrainingOption Response(TrainingState st, TrainingResponse r) => new(r.Id, Fill(r.Text, scenario, st), TrainingOptionKind.Response, r.Quality, r.Why);
    }

    /// <summary>The actions on offer and their quality in this context (the best practice the review teaches).</summary>
    static IEnumerable<TrainingOption> Actions(TrainingScenario scenario, TrainingState s)
    {
        var objection = s.CurrentObjection;
        if (s.Step >= ConversationStep.Topic)
        {
            var tomorrowQuality = s.Thinking ? 0.85 : 0.3;
            yield return new TrainingOption("follow-up-tomorrow", "Agree to follow up tomorrow", TrainingOptionKind.FollowUpTomorrow, tomorrowQuality,
                s.Thinking ? "The customer asked for time: a prompt, agreed follow-up keeps the deal warm."
                           : "Postponing while the customer is engaged loses momentum; answer now.");
            yield return new TrainingOption("follow-up-next-week", "Follow up next week", TrainingOptionKind.FollowUpNextWeek, s.Thinking ? 0.35 : 0.1,
                "A week of silence cools the lead: interest decays with every day of waiting.");
        }
        if (!s.TrialOffered && scenario.Trial.Length > 0 && s.Step >= ConversationStep.TrialClose)
        {
            var (q, why) = objection switch
            {
                ObjectionType.Experience => (0.95, "Doubts about the experience are best answered by a low-threshold first experience."),
                ObjectionType.Service => (0.75, "A trial shows the service in action; it answers a service doubt well."),
                ObjectionType.CompetitorStrength or ObjectionType.CompetitorDifference => (0.6, "A trial lets them compare for themselves, but the difference still needs explaining."),
                ObjectionType.BudgetEnvironment => (0.4, "A trial does not make the price fit the budget."),
                _ => s.Step == ConversationStep.TrialClose ? (0.7, "A trial is a gentle test of readiness, but it delays the close by a week.")
                    : s.Thinking ? (0.8, "A hesitant customer decides more easily after a first experience.")
                    : (0.4, "Offering a trial at the close signals doubt in the product."),
            };
            yield return new TrainingOption("offer-trial", $"Offer {scenario.Trial}", TrainingOptionKind.OfferTrial, q, why);
        }
        if (!s.DiscountOffered && scenario.MaxDiscount > 0 && s.Step >= ConversationStep.Topic)
        {
            var overBudget = s.Price > s.Persona.Budget;
            var (q, why) = objection == ObjectionType.BudgetEnvironment ? (0.6, "A discount answers a budget objection, at the cost of margin; reframing value usually wins without it.")
                : s.Thinking && overBudget ? (0.95, "The price was above the budget: a discount at the decision point closes the gap.")
                : s.Step <= ConversationStep.TrialClose ? (0.15, "Discounting before the customer asks teaches them to haggle and cheapens the product.")
                : (0.3, "A discount nobody asked for gives away margin.");
            yield return new TrainingOption("offer-discount", $"Offer a {scenario.MaxDiscount:P0} discount", TrainingOptionKind.OfferDiscount, q, why);
        }
    }

    /// <summary>Human label of an objection type.</summary>
    public static string Label(ObjectionType type) => type switch
    {
        ObjectionType.Experience => "experience",
        ObjectionType.CompetitorDifference => "competitor difference",
        ObjectionType.CompetitorStrength => "competitor strength",
        ObjectionType.BudgetEnvironment => "budget",
        _ => "service",
    };

    static string Fill(string text, TrainingScenario scenario, TrainingState s) => text
        .Replace("{contact}", s.Persona.Contact, StringComparison.Ordinal)
        .Replace("{company}", s.Persona.Company ?? "your family", StringComparison.Ordinal)
        .Replace("{need}", s.Persona.Need, StringComparison.Ordinal)
        .Replace("{product}", scenario.Product, StringComparison.Ordinal)
        .Replace("{price}", s.Price.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{trial}", scenario.Trial, StringComparison.Ordinal);
}
