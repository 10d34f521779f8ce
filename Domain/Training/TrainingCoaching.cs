using Growth.Domain.Journeys;

namespace Growth.Domain.Training;

/// <summary>Where a rep loses most decided deals, and the practice that targets it.</summary>
public sealed record TrainingAdvice
{
    public required string RepId { get; init; }
    /// <summary>The rep's decided deals (won or lost opportunities).</summary>
    public required int Deals { get; init; }
    public required int Lost { get; init; }
    /// <summary>The step most deals were lost at, and the objection that lost them (null: none named).</summary>
    public ConversationStep? Step { get; init; }
    public ObjectionType? Objection { get; init; }
    /// <summary>Deals lost at that step and objection.</summary>
    public int LostThere { get; init; }
    /// <summary>0..1: <see cref="LostThere"/> over <see cref="Deals"/>.</summary>
    public double Share { get; init; }
    public string? ScenarioId { get; init; }
    public TrainingDifficulty? Difficulty { get; init; }
    /// <summary>One sentence for the training page ("You lose 4 in 10 deals at objection handling on budget objections...").</summary>
    public required string Message { get; init; }
    /// <summary>
    /// Journeys of the workspace archived by the retention rule (<c>rules.archiveClosedAfterDays</c>): not counted in
    /// <see cref="Deals"/> (their deals closed longer ago than the retention); the page says so.
    /// </summary>
    public int Archived { get; init; }
}

/// <summary>Coaching from the funnel: a rep's real lost deals by step and objection yield a scenario and difficulty to practise. Pure.</summary>
public static class TrainingCoaching
{
    /// <summary>Fewer decided deals than this and there is too little to go on (assumed).</summary>
    public const int MinDeals = 5;
    /// <summary>Losing at least this share of deals at one point means practising the basics there: Easy (assumed).</summary>
    public const double EasyShare = 0.3;
    /// <summary>At least this share (and under <see cref="EasyShare"/>): Normal; below it, Hard (assumed).</summary>
    public const double NormalShare = 0.15;

    public static TrainingAdvice Advise(IEnumerable<JourneyState> journeys, string repId, IReadOnlyList<TrainingScenario> scenarios)
    {
        var deals = journeys.Where(j => j.RepId == repId && j.OpportunityAt is not null && (j.Won || j.Status == JourneyStatus.Lost)).ToList();
        var lost = deals.Where(j => !j.Won && j.LostStep is not null).ToList();
        if (deals.Count < MinDeals || lost.Count == 0)
            return new TrainingAdvice
            {
                RepId = repId, Deals = deals.Count, Lost = lost.Count,
                Message = deals.Count < MinDeals
                    ? $"{deals.Count} decided deals so far: at least {MinDeals} are needed to say where practice would help."
                    : $"No lost deals in {deals.Count}: practise any scenario on Hard.",
            };
        var worst = lost.GroupBy(j => (Step: j.LostStep!.Value, j.LostObjection))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Step).ThenBy(g => g.Key.LostObjection.HasValue ? (int)g.Key.LostObjection.Value : -1)
            .First();
        var share = worst.Count() / (double)deals.Count;
        var difficulty = share >= EasyShare ? TrainingDifficulty.Easy : share >= NormalShare ? TrainingDifficulty.Normal : TrainingDifficulty.Hard;
        var objection = worst.Key.LostObjection;
        var scenario = scenarios.Where(s => objection is null || s.Objections.Contains(objection.Value)).OrderBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault()
            ?? scenarios.OrderBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault();
        var inTen = Math.Max(1, (int)Math.Round(share * 10));
        var where = TrainingFreeText.StepLabel(worst.Key.Step) + (objection is { } o ? $" on {TrainingPrompts.Label(o)} objections" : "");
        return new TrainingAdvice
        {
            RepId = repId, Deals = deals.Count, Lost = lost.Count, Step = worst.Key.Step, Objection = objection,
            LostThere = worst.Count(), Share = Math.Round(share, 3), ScenarioId = scenario?.Id, Difficulty = difficulty,
            Message = $"You lose {inTen} in 10 deals at {where} ({worst.Count()} of {deals.Count})"
                + (scenario is null ? "." : $": practise \"{scenario.Title}\" on {difficulty}."),
        };
    }
}
