using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Training;

/// <summary>What the customer says at each turn and the choices on offer, with their quality in context. Pure.</summary>
public static class TrainingPrompts
{
    /// <summary>Sets what the customer says now and the choices on offer, in an order drawn from the session's stream.</summary>
    internal static TrainingState Present(TrainingScenario scenario, TrainingState s)
    {
        var t = TrainingTuning.Default;
        var text = s.Text;
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
                options.Add(new TrainingOption(decoy.Id, Fill(decoy.Text, scenario, s), TrainingOptionKind.Response, t.DecoyQuality,
                    text.Format(text.DecoyWhy, text.Label(other.Type), text.Label(objection))));
            }
        }
        else
        {
            var content = scenario.StepContent(s.Step);
            customer = s.Thinking ? text.Thinking : content.Customer;
            // Asking again when the customer asked for time is pressure: best practice is to give them what they
            // need to decide (time, a first experience, or a price that fits).
            options.AddRange(content.Responses.Select(r => s.Thinking
                ? Response(s, r) with { Quality = Math.Round(r.Quality * t.PressingFactor, 3), Why = text.PressingAgain + text.SentenceGap + r.Why }
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
        var t = TrainingTuning.Default;
        var text = s.Text;
        var objection = s.CurrentObjection;
        if (s.Step >= ConversationStep.Topic)
        {
            yield return new TrainingOption("follow-up-tomorrow", text.FollowUpTomorrow, TrainingOptionKind.FollowUpTomorrow,
                s.Thinking ? t.TomorrowWhenThinking : t.TomorrowWhenEngaged,
                s.Thinking ? text.TomorrowWhenThinking : text.TomorrowWhenEngaged);
            yield return new TrainingOption("follow-up-next-week", text.FollowUpNextWeek, TrainingOptionKind.FollowUpNextWeek,
                s.Thinking ? t.NextWeekWhenThinking : t.NextWeekWhenEngaged,
                text.NextWeekWhy);
        }
        if (!s.TrialOffered && scenario.Trial.Length > 0 && s.Step >= ConversationStep.TrialClose)
        {
            var (q, why) = objection switch
            {
                ObjectionType.Experience => (t.TrialForExperience, text.TrialForExperience),
                ObjectionType.Service => (t.TrialForService, text.TrialForService),
                ObjectionType.CompetitorStrength or ObjectionType.CompetitorDifference => (t.TrialForCompetitor, text.TrialForCompetitor),
                ObjectionType.BudgetEnvironment => (t.TrialForBudget, text.TrialForBudget),
                _ => s.Step == ConversationStep.TrialClose ? (t.TrialAtTrialClose, text.TrialAtTrialClose)
                    : s.Thinking ? (t.TrialWhenThinking, text.TrialWhenThinking)
                    : (t.TrialAtClose, text.TrialAtClose),
            };
            yield return new TrainingOption("offer-trial", text.Format(text.OfferTrial, scenario.Trial), TrainingOptionKind.OfferTrial, q, why);
        }
        if (!s.DiscountOffered && scenario.MaxDiscount > 0 && s.Step >= ConversationStep.Topic)
        {
            var overBudget = s.Price > s.Persona.Budget;
            var (q, why) = objection == ObjectionType.BudgetEnvironment ? (t.DiscountForBudget, text.DiscountForBudget)
                : s.Thinking && overBudget ? (t.DiscountWhenThinkingOverBudget, text.DiscountWhenThinkingOverBudget)
                : s.Step <= ConversationStep.TrialClose ? (t.DiscountEarly, text.DiscountEarly)
                : (t.DiscountUnasked, text.DiscountUnasked);
            yield return new TrainingOption("offer-discount", text.Format(text.OfferDiscount, scenario.MaxDiscount), TrainingOptionKind.OfferDiscount, q, why);
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
        .Replace("{company}", s.Persona.Company ?? s.Text.NoCompany, StringComparison.Ordinal)
        .Replace("{need}", s.Persona.Need, StringComparison.Ordinal)
        .Replace("{product}", scenario.Product, StringComparison.Ordinal)
        .Replace("{price}", s.Price.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{trial}", scenario.Trial, StringComparison.Ordinal);
}
