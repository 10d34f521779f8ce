using Growth.Domain.Journeys;

namespace Growth.Domain.Training;

/// <summary>What a rep knows about the customer before the call; budget, temperament and objections stay hidden.</summary>
public sealed record TrainingPersonaCard(string Contact, string? Company, string Role, string Region, string Need);

/// <summary>A choice as the trainee sees it: no quality, no explanation.</summary>
public sealed record TrainingChoice(string Id, string Text, TrainingOptionKind Kind);

/// <summary>One exchange of the transcript as the trainee saw it.</summary>
public sealed record TrainingLine(ConversationStep Step, string Customer, string You, string Reaction, double Day);

/// <summary>
/// A session as the trainee sees it: while it runs, only what a rep would know; once it is over, the review with the
/// hidden state revealed.
/// </summary>
public sealed record TrainingSessionView
{
    public required string Workspace { get; init; }
    public required string SessionId { get; init; }
    public required string Trainee { get; init; }
    public required string Cohort { get; init; }
    public required string ScenarioId { get; init; }
    public required string ScenarioTitle { get; init; }
    public required TrainingMarket Market { get; init; }
    public required string Product { get; init; }
    public required TrainingDifficulty Difficulty { get; init; }
    public required ulong Seed { get; init; }
    public required TrainingPersonaCard Persona { get; init; }
    public required ConversationStep Step { get; init; }
    public required string Customer { get; init; }
    public required IReadOnlyList<TrainingChoice> Choices { get; init; }
    public required IReadOnlyList<TrainingLine> Transcript { get; init; }
    public required TrainingOutcome Outcome { get; init; }
    public decimal OrderValue { get; init; }
    public ConversationStep? LostAt { get; init; }
    public string? Reason { get; init; }
    /// <summary>Only once the session is over.</summary>
    public TrainingReview? Review { get; init; }
}

/// <summary>Builds the trainee's view of a session. Pure.</summary>
public static class TrainingViews
{
    public static TrainingSessionView Of(string workspace, string sessionId, string trainee, string cohort, TrainingScenario scenario, TrainingState s) => new()
    {
        Workspace = workspace, SessionId = sessionId, Trainee = trainee, Cohort = cohort,
        ScenarioId = scenario.Id, ScenarioTitle = scenario.Title, Market = scenario.Market, Product = scenario.Product,
        Difficulty = s.Difficulty, Seed = s.Seed,
        Persona = new TrainingPersonaCard(s.Persona.Contact, s.Persona.Company, s.Persona.Role, s.Persona.Region, s.Persona.Need),
        Step = s.Step,
        Customer = s.Customer,
        Choices = s.Options.Select(o => new TrainingChoice(o.Id, o.Text, o.Kind)).ToList(),
        Transcript = s.Turns.Select(t => new TrainingLine(t.Step, t.Customer, t.Chosen.Text, t.Reaction, t.Day)).ToList(),
        Outcome = s.Outcome,
        OrderValue = s.OrderValue,
        LostAt = s.LostAt,
        Reason = s.Reason,
        Review = s.Outcome == TrainingOutcome.InProgress ? null : TrainingScoring.Review(s),
    };
}

/// <summary>A team's and one rep's figures from a simulation run.</summary>
public sealed record TrainingFunnelFigures(
    string Workspace, long TeamWon, long TeamLost, double TeamWinRate, decimal TeamRevenue,
    string RepName, long RepWon, long RepLost, double RepWinRate, decimal RepRevenue, long RepLeads);

/// <summary>
/// "How would this trainee do on our funnel?": the same simulated team over the same span, once as it is and once
/// with one rep's skills replaced by the trainee's measured skills.
/// </summary>
public sealed record TrainingFunnelEffect
{
    public required string Trainee { get; init; }
    public required double[] Skills { get; init; }
    public required double[] ReplacedSkills { get; init; }
    public required string TeamName { get; init; }
    public required int Days { get; init; }
    public required ulong Seed { get; init; }
    public required TrainingFunnelFigures Without { get; init; }
    public required TrainingFunnelFigures With { get; init; }
}
