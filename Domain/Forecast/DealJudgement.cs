using Growth.Domain.Journeys;
using Growth.Domain.Randomness;

namespace Growth.Domain.Forecast;

/// <summary>One deal (a journey that opened an opportunity) as the forecast sees it at one instant.</summary>
/// <param name="Amount">The opportunity's value (open) or the won value (closed), company currency.</param>
/// <param name="Level">Furthest conversation step passed: 0 opened, 1 Opening … 6 Close.</param>
/// <param name="AgeDays">Days since the opportunity opened (for a closed deal: days it took to close).</param>
/// <param name="DaysInStep">Days since the deal entered its current step (0 for a closed deal).</param>
/// <param name="ExpectedCloseAt">When the rep expects it to close (for a closed deal: when it closed).</param>
/// <param name="Pushes">Times the expected close date was moved later.</param>
public sealed record Deal(
    string JourneyId, string? RepId, string? TeamId, string? RegionId, decimal Amount, ConversationStep? Step, int Level,
    DateTimeOffset OpenedAt, double AgeDays, double DaysInStep, DateTimeOffset ExpectedCloseAt, int Pushes,
    ForecastCategory Category, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Category is ForecastCategory.Pipeline or ForecastCategory.BestCase or ForecastCategory.Commit;
    public bool IsClosed => !IsOpen;
    public bool IsWon => Category == ForecastCategory.Closed;

    /// <summary>The customer's name as the record lists show it (the CRM's contact, or the simulated customer's face); empty: none known.</summary>
    public string Name { get; init; } = "";
    /// <summary>The customer's company; empty: none known.</summary>
    public string Company { get; init; } = "";
    /// <summary>What a list shows as the customer: the name, else the company, else the journey id (as <see cref="Records.CustomerRecord.Display"/>).</summary>
    public string Display => Name.Length > 0 ? Name : Company.Length > 0 ? Company : JourneyId;
    /// <summary>Follow-up touches of the deal so far.</summary>
    public int FollowUps { get; init; }
    /// <summary>When anything last happened on the deal (an imported activity included).</summary>
    public DateTimeOffset? LastActivityAt { get; init; }
}

/// <summary>The assumptions behind a rep's judgement of a deal. Every value is assumed (no source measured yet).</summary>
public sealed record DealJudgementParameters
{
    public static DealJudgementParameters Default { get; } = new();

    /// <summary>
    /// Days from opening to the close date a neutral rep first expects. Default 30 days (assumed); the forecast uses
    /// the workspace's own average won cycle instead once it has <see cref="MinWonForCycle"/> won deals (<see cref="Learned"/>).
    /// </summary>
    public double ExpectedCycleDays { get; init; } = 30;
    /// <summary>Share the expected cycle (and each push) shortens per unit of optimism: optimism 1 expects 30 % sooner, −1 30 % later. Default 0.3 (assumed).</summary>
    public double OptimismCycleShare { get; init; } = 0.3;
    /// <summary>Spread of the rep's first guess around that cycle, ± this share, drawn from a stream of the journey's own. Default 0.25 (assumed).</summary>
    public double GuessSpread { get; init; } = 0.25;
    /// <summary>Days a neutral rep moves a close date that has passed with the deal still open: a week, the pipeline review's rhythm. Default 7 days (assumed).</summary>
    public double SlipDays { get; init; } = 7;
    /// <summary>Steps an optimistic rep (optimism 1) calls a deal higher; a cautious one (−1) lower. Default 1 step (assumed).</summary>
    public double OptimismStepLift { get; init; } = 1;
    /// <summary>Level (steps passed) from which a neutral rep calls a deal Best case: 3, the topic discussed. Default 3 (assumed).</summary>
    public int BestCaseFromLevel { get; init; } = 3;
    /// <summary>Level from which a neutral rep commits a deal: 5, objections handled. Default 5 (assumed).</summary>
    public int CommitFromLevel { get; init; } = 5;
    /// <summary>Won deals needed before reps expect the workspace's own average cycle. Default 10 (assumed).</summary>
    public const int MinWonForCycle = 10;

    /// <summary>These parameters with <see cref="ExpectedCycleDays"/> set to the average days to close of the won deals among <paramref name="states"/>, when there are enough.</summary>
    public DealJudgementParameters Learned(IEnumerable<JourneyState> states)
    {
        var cycles = states.Where(s => s.Won && s.DaysToClose is not null).Select(s => s.DaysToClose!.Value).ToList();
        return cycles.Count >= MinWonForCycle ? this with { ExpectedCycleDays = Math.Max(1, cycles.Average()) } : this;
    }

    /// <summary>Seed of the guess streams (each journey derives its own from it and its id). Default 0.</summary>
    public ulong Seed { get; init; }
}

/// <summary>
/// How a rep judges each deal: expected close date, pushes and forecast category. Pure and deterministic: it reads
/// only the journey's state, the rep's optimism and the instant, plus a stream derived from the journey's id (never the
/// simulation's streams, so the simulated outcome is untouched).
/// </summary>
/// <remarks>
/// <para>Expected close: the CRM's date when an event carried one; else opened + cycle × (1 − share × optimism) × (1 ± spread).</para>
/// <para>Pushes: while that date is past and the deal still open, the rep moves it by slip × (1 − share × optimism) days;
/// each move is a push (the count adds the CRM's own later dates).</para>
/// <para>Category: won → Closed; lost → Omitted; the CRM's category when sent; else score = level + lift × optimism:
/// score ≥ commit level → Commit, ≥ best-case level → Best case, else Pipeline.</para>
/// </remarks>
public static class DealJudgement
{
    /// <summary>The deal of <paramref name="s"/> at <paramref name="now"/>, or null when the journey never opened an opportunity.</summary>
    public static Deal? Judge(JourneyState s, double optimism, DateTimeOffset now, DealJudgementParameters? parameters = null)
    {
        if (s.OpportunityAt is not { } opened) return null;
        var p = parameters ?? DealJudgementParameters.Default;
        optimism = Math.Clamp(optimism, -1, 1);
        var level = LevelOf(s.Won ? ConversationStep.Close : s.LastStep);
        if (!s.HasOpenOpportunity)
        {
            var closed = s.ClosedAt ?? opened;
            return new Deal(s.Id, s.RepId, s.TeamId, s.RegionId, s.Won ? s.WonValue : s.OpportunityValue, s.LastStep, level,
                opened, Math.Max(0, (closed - opened).TotalDays), 0, closed, s.CloseDatePushes,
                s.Won ? ForecastCategory.Closed : ForecastCategory.Omitted, closed) { Name = s.ContactName ?? "", Company = s.CompanyName ?? "", FollowUps = s.FollowUps, LastActivityAt = s.LastEventAt };
        }

        var hope = 1 - p.OptimismCycleShare * optimism;
        var expected = s.ExpectedCloseAt ?? opened.AddDays(p.ExpectedCycleDays * hope * (1 + p.GuessSpread * Guess(s.Id, p.Seed)));
        var pushes = s.CloseDatePushes;
        if (expected < now)
        {
            var slip = Math.Max(1, p.SlipDays * hope);
            var moves = (int)Math.Ceiling((now - expected).TotalDays / slip);
            expected = expected.AddDays(moves * slip);
            pushes += moves;
        }
        var category = s.ForecastCategory is { } sent && sent is not (ForecastCategory.Closed or ForecastCategory.Omitted)
            ? sent
            : CategoryOf(level, optimism, p);
        return new Deal(s.Id, s.RepId, s.TeamId, s.RegionId, s.OpportunityValue, s.LastStep, level,
            opened, Math.Max(0, (now - opened).TotalDays), Math.Max(0, (now - (s.StepAt ?? opened)).TotalDays),
            expected, pushes, category, null) { Name = s.ContactName ?? "", Company = s.CompanyName ?? "", FollowUps = s.FollowUps, LastActivityAt = s.LastEventAt };
    }

    /// <summary>An open deal's category from its level and the rep's optimism (see the remarks of <see cref="DealJudgement"/>).</summary>
    public static ForecastCategory CategoryOf(int level, double optimism, DealJudgementParameters? parameters = null)
    {
        var p = parameters ?? DealJudgementParameters.Default;
        var score = level + p.OptimismStepLift * Math.Clamp(optimism, -1, 1);
        return score >= p.CommitFromLevel ? ForecastCategory.Commit
            : score >= p.BestCaseFromLevel ? ForecastCategory.BestCase
            : ForecastCategory.Pipeline;
    }

    /// <summary>Steps passed: 0 for a deal just opened, 1 after Opening … 6 after Close.</summary>
    public static int LevelOf(ConversationStep? step) => step is { } s ? (int)s + 1 : 0;

    /// <summary>The rep's guess for this journey, −1..1, from the journey's own stream.</summary>
    static double Guess(string journeyId, ulong seed) => new Prng(Prng.Derive(seed, journeyId + "/forecast")).Uniform(-1, 1);
}
