using System.Text;
using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Training;

/// <summary>A real deal that was lost, as practice needs it: whose it was, the objections it met, the step it died at.</summary>
/// <param name="Workspace">The workspace the journey lives in.</param>
/// <param name="JourneyId">The journey (the customer).</param>
/// <param name="RepId">The rep who lost it.</param>
/// <param name="LostStep">The conversation step it died at (null: the model did not say).</param>
/// <param name="LostReason">Why, in the model's words.</param>
/// <param name="LostObjection">The objection that lost it, if one did.</param>
/// <param name="Objections">Every objection the customer raised, in the order raised (the losing one included).</param>
/// <param name="Value">The opportunity's value (0: unknown).</param>
public sealed record LostDeal(
    string Workspace, string JourneyId, string? RepId, ConversationStep? LostStep, string? LostReason,
    ObjectionType? LostObjection, IReadOnlyList<ObjectionType> Objections, decimal Value);

/// <summary>A lost deal turned into a scenario to practise: the scenario, the difficulty and seed to play it at, and where the real one died.</summary>
public sealed record LostDealPractice(TrainingScenario Scenario, TrainingDifficulty Difficulty, ulong Seed, LostDeal Deal);

/// <summary>Any lost deal becomes a practice scenario: its customer, its objections, the step it died at. Pure.</summary>
public static class LostDealScenarios
{
    /// <summary>Prefix of a lost-deal scenario's id (followed by the journey id made safe).</summary>
    public const string IdPrefix = "deal-";

    /// <summary>
    /// The lost deal a journey is, from its state and its recent events; null (with the reason) if it is not a lost
    /// deal: never an opportunity, or not lost.
    /// </summary>
    public static (LostDeal? Deal, string? Problem) Of(string workspace, JourneyState state, IEnumerable<JourneyEvent> events)
    {
        if (state.Status != JourneyStatus.Lost || state.Won) return (null, $"journey {state.Id} is not a lost deal (it is {state.Status})");
        if (state.OpportunityAt is null) return (null, $"journey {state.Id} was lost before it became an opportunity: there is no conversation to practise");
        var raised = events.Where(e => e.Kind == EventKind.ObjectionRaised && e.Objection is not null)
            .OrderBy(e => e.At).Select(e => e.Objection!.Value).ToList();
        if (state.LostObjection is { } lost) raised.Add(lost);
        return (new LostDeal(workspace, state.Id, state.RepId, state.LostStep, state.LostReason, state.LostObjection,
            raised.Distinct().ToList(), state.OpportunityValue), null);
    }

    /// <summary>
    /// The practice for a lost deal. The scenario is the catalogue's one that knows most of the deal's objections
    /// (the losing one counts first; ties by id), narrowed to exactly the objections the customer raised that it
    /// can voice (all of its own if it knows none of them), priced at the deal's value with the budgets scaled by the
    /// same ratio (as <see cref="TrainingProducts.ForProduct"/>). The difficulty is the easiest one whose number of
    /// hidden objections (<see cref="TrainingTuning.ObjectionCount"/>) lets every one of them come up (Normal when the
    /// deal met none the scenario knows); the seed is
    /// derived from the journey, so the same deal is always the same customer.
    /// </summary>
    public static LostDealPractice Build(LostDeal deal, IReadOnlyList<TrainingScenario> catalogue)
    {
        if (catalogue.Count == 0) throw new ArgumentException("there are no scenarios to build a lost deal's practice from", nameof(catalogue));
        var wanted = deal.Objections.ToList();
        if (deal.LostObjection is { } lost && !wanted.Contains(lost)) wanted.Add(lost);
        var template = catalogue
            .OrderByDescending(s => deal.LostObjection is { } o && s.Objections.Contains(o) ? 1 : 0)
            .ThenByDescending(s => wanted.Count(s.Objections.Contains))
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .First();
        var known = wanted.Where(template.Objections.Contains).ToList();
        // The losing objection first, so a budget-poor persona's forced budget objection does not push it out.
        if (deal.LostObjection is { } first && known.Remove(first)) known.Insert(0, first);
        var objections = known.Count > 0 ? known : template.Objections.ToList();

        var scenario = template with
        {
            Id = IdOf(deal.JourneyId),
            Title = TrainingText.For(template.Language).Format(TrainingText.For(template.Language).LostDealTitle, deal.JourneyId, template.Title),
            Summary = Summary(deal, template),
            Objections = objections,
        };
        if (deal.Value > 0)
        {
            var ratio = deal.Value / template.ListPrice;
            scenario = scenario with
            {
                ListPrice = Math.Round(deal.Value, 2),
                Budget = template.Budget with { Median = Math.Max(0.01m, Math.Round(template.Budget.Median * ratio, 2)) },
            };
        }
        var counts = TrainingTuning.Default.ObjectionCount;
        // A deal that met none of the scenario's objections died elsewhere (opening, rapport, trial close): Normal.
        var difficulty = known.Count == 0 ? TrainingDifficulty.Normal
            : Enum.GetValues<TrainingDifficulty>().FirstOrDefault(d => counts.For(d) >= known.Count, TrainingDifficulty.Hard);
        return new LostDealPractice(scenario, difficulty, Prng.Derive(0, $"lost-deal:{deal.Workspace}/{deal.JourneyId}"), deal);
    }

    /// <summary>The scenario id of a journey's lost deal: lower-case letters and digits, any other run of characters one dash, at most 40 characters.</summary>
    public static string IdOf(string journeyId)
    {
        var safe = new StringBuilder();
        foreach (var c in journeyId.ToLowerInvariant())
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-';
            // A run of other characters becomes one dash.
            if (keep != '-' || safe.Length == 0 || safe[^1] != '-') safe.Append(keep);
        }
        var id = IdPrefix + safe.ToString().Trim('-');
        return id.Length <= 40 ? id.TrimEnd('-') : id[..40].TrimEnd('-');
    }

    static string Summary(LostDeal deal, TrainingScenario template)
    {
        var text = TrainingText.For(template.Language);
        var step = deal.LostStep is { } s ? text.Step(s) : text.UnknownStep;
        var raised = deal.Objections.Count == 0 ? text.NoObjections : string.Join(text.ListSeparator, deal.Objections.Select(text.Label));
        return text.Format(text.LostDealReplay, deal.JourneyId, deal.Workspace, step)
            + (string.IsNullOrWhiteSpace(deal.LostReason) ? "" : text.Format(text.LostDealReason, text.ModelReason(deal.LostReason)))
            + text.Format(text.LostDealObjections, raised, template.Summary);
    }
}
